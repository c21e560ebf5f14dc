"""Attachments: files uploaded once, then claimed by what carries them (a message)."""
