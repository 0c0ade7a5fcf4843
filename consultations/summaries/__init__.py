"""Feedback summaries: themes with provenance, participation figures, representation, responses."""
