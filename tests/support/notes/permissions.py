"""Permissions of the notes domain."""

from yecai.manifest import Permission

NOTES_READ = "notes.read"
NOTES_WRITE = "notes.write"

PERMISSIONS = (
    Permission(NOTES_READ, "查看便签", "Read notes", default_roles=("staff", "finance")),
    Permission(NOTES_WRITE, "写便签", "Write notes", default_roles=("finance",)),
)
