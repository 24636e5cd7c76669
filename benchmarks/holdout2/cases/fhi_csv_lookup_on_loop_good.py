"""Fixed: the helper runs in a worker thread."""

from pathlib import Path

import pandas as pd
from asgiref.sync import sync_to_async

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
        contacts = await sync_to_async(agency_contacts)(query)
        return contacts or "no agency found"
