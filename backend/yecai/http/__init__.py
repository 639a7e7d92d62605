"""HTTP glue: who is asking, the GraphQL endpoint, single sign-on, the web app."""
