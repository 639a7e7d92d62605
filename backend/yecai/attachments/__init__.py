"""Attachments (附件): files hung off other domains' objects, visible exactly as their owner is."""
