"""The action plan as the checker reads it: actions, their owners (agency ids), due dates and
whether each is specific, owned and dated."""
