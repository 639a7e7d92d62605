"""The API layer: translates GraphQL to service calls and back. No business rules here."""
