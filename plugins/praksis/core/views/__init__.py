"""What each page shows: one module per subject. ``core.pages`` lists which view renders
which page, in page order."""
