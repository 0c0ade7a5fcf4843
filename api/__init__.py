"""The open API under /api/v1/: wiring over the features' services, permissions and visibility rules."""
