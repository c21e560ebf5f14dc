"""Parent talks (gespreksplanner): a teacher or contact person offers time slots, families
book one; each slot once, at the database."""
