"""Project wiring, the top layer: the only package that may import every other one."""
