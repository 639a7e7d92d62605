"""Who the actor is: users, roles, permissions, tokens, sign-in."""
