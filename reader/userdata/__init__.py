"""The user's own data about articles, kept in the user-state file beside the store: corrections."""
