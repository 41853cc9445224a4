"""Pure-Python core: models, rules, session logic. No Qt, no SQLAlchemy."""
