"""Comments: the blueprint was created, its handlers were never written."""
from flask import Blueprint

bp = Blueprint("comments", __name__, url_prefix="/api/articles/<slug>/comments")
