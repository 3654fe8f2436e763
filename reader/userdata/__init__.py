"""The user's own data, kept in the state file beside the store: never rewritten by imports."""
