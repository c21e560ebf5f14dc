"""Messages: threads about one child between its guardians and its contact person."""
