"""An async chat tool answers with state agency contacts from a project helper that loads a CSV
file with pandas (and globs the data folder): file I/O and parsing on the event loop."""

from pathlib import Path

import pandas as pd

DATA_DIR = Path(__file__).parent / "data"


def agency_contacts(query: dict) -> str:
    path = DATA_DIR / "agencies.csv"
    if not path.exists():
        matches = list(DATA_DIR.glob("*agenc*.csv"))
        if not matches:
            return ""
        path = matches[0]
    frame = pd.read_csv(path)
    frame = frame[frame["state"].str.lower() == query.get("state", "").lower()]
    return "\n".join(str(row["agency"]) for _, row in frame.iterrows())


class AgencyTool:
    async def execute(self, query: dict) -> str:
        contacts = agency_contacts(query)  # [missing-sync-to-async]
        return contacts or "no agency found"
