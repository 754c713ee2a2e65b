"""The learner's side of the course: their exercise folder and watch mode."""
