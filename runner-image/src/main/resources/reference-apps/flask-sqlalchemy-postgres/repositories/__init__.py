"""Data access through the SQLAlchemy ORM. Imports models only."""
