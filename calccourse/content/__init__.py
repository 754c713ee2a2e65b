"""Course content: where lessons live, their schema, and how they are loaded."""
