"""The learner's progress: which lessons are done, attempted or not started."""
