"""The family's own view: the parent app's home and the AVG export of a child's file."""
