"""Conversations: residents agree, disagree or pass on short statements; opinion groups grouped by votes."""
