"""Telegram handlers, one module per who they serve; `bot/routes.py` holds the ordered table that registers them.

Each handler reads the update, calls one domain function and renders the reply from the catalogue. Shared pieces
live in `context` (services, typed bot data, replies) and `questions` (how a question is shown); no handler module
imports another's handlers.
"""
