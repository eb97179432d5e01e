"""The domain of journeypulse: survey definitions, the survey engine and the SQLite store."""
