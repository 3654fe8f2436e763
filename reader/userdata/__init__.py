"""The user's own data about articles, kept in the user-state file beside the store: corrections.

What is here is imported by the TUI at start, so it stays small: the table's name and the marks.
"""

CORRECTIONS = "corrections"  # the table of the user-state file
CORRECTED_MARK = "✎"  # shown after what the user corrected
UNCERTAIN_MARK = "?"  # shown after an attribution the analyzer is unsure of
SOURCE_KINDS = ("outlet", "organization", "person", "group", "document")  # as in reader.models.Source
