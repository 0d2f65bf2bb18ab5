"""Business logic. Imports repositories only (never routes, never models)."""
