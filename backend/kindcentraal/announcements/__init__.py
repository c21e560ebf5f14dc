"""Announcements: staff tell the families of a group, a BSO group or the whole centre
something, once per family, optionally asking them to confirm they read it."""
