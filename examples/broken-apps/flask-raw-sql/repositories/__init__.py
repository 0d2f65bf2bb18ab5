"""Data access. SQLAlchemy models define the schema; queries are plain SQL via psycopg2."""
