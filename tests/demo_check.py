#!/usr/bin/env python3
"""An independent computation of the 15 KPIs over the demo files.

It shares no code with the Rust engine: it reads the CSV files that
`telesales-kpi demo DIR --today DAY` writes and applies KPIS.md directly, for
one period and the month before it. Its output is what tests/demo_data.rs pins.

    cargo run --release --bin telesales-kpi -- demo /tmp/demo --today 2026-11-15
    python3 tests/demo_check.py /tmp/demo 2026-11-01 2026-11-30 2026-10-01 2026-10-31

The demo files are canonical (ISO times, plain numbers, one kind per file), so
plain `csv` parsing is all the reading needed. Times are compared as text
(`YYYY-MM-DD HH:MM:SS` sorts like time).
"""
import csv
import json
import sys
from datetime import date, datetime, timedelta

TARGET_MONTHLY_SALES = 500_000_000


def rows(folder, name):
    with open(f"{folder}/{name}", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def ts(text):
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S")


def share(num, den):
    return None if den == 0 else num / den


def kpis(folder, first, last):
    calls, deals, leads = rows(folder, "calls.csv"), rows(folder, "deals.csv"), rows(folder, "leads.csv")
    campaigns = rows(folder, "campaigns.csv")
    lo, hi = first.isoformat(), (last + timedelta(days=1)).isoformat()
    in_p = lambda t: t != "" and lo <= t < hi
    days = (last - first).days + 1

    outbound = [c for c in calls if c["direction"] == "out" and in_p(c["started_at"])]
    inbound = [c for c in calls if c["direction"] == "in" and in_p(c["started_at"])]
    won = [d for d in deals if d["stage"] == "won" and in_p(d["closed_at"])]
    lost = [d for d in deals if d["stage"] == "lost" and in_p(d["closed_at"])]
    created = [d for d in deals if in_p(d["created_at"])]
    revenue = sum(float(d["amount"]) for d in won)
    out = {}

    out["average_purchase_value"] = share(revenue, len(won))
    out["revenue_per_call"] = share(revenue, len(outbound))

    # 3: the campaign with the latest start whose window meets P.
    best = None
    for c in campaigns:
        s, e = date.fromisoformat(c["start"]), date.fromisoformat(c["end"])
        if s <= last and e >= first and (best is None or s > best[0]):
            best = (s, e)
    if best:
        s, e = best
        length = (e - s).days + 1
        window = lambda a, b: sum(
            float(d["amount"]) for d in deals
            if d["stage"] == "won" and a.isoformat() <= d["closed_at"] < b.isoformat())
        during = window(s, e + timedelta(days=1))
        before = window(s - timedelta(days=length), s)
        out["incremental_sales"] = during - before
        out["incremental_sales.lift"] = share(during - before, before)
    else:
        out["incremental_sales"] = None

    active = {c["agent"] for c in calls if in_p(c["started_at"])}
    active |= {d["agent"] for d in deals if in_p(d["created_at"])}
    active |= {d["agent"] for d in deals if d["stage"] in ("won", "lost") and in_p(d["closed_at"])}
    out["sales_opportunities"] = len(created)
    out["sales_opportunities.per_week"] = share(len(created) * 7 / days, len(active))

    out["call_connection_rate"] = share(sum(c["status"] == "connected" for c in outbound), len(outbound))
    out["upselling_rate"] = share(sum(d["upsell"] == "1" for d in won), len(won))

    # 7: first contact = the earliest outbound call to the lead (by lead_id)
    # at or after its creation (the leads file has no first_contact_at).
    calls_to = {}
    for c in calls:
        if c["direction"] == "out" and c["lead_id"]:
            calls_to.setdefault(c["lead_id"], []).append(c["started_at"])
    p_leads = [l for l in leads if in_p(l["created_at"])]
    responses = []
    for l in p_leads:
        later = [t for t in calls_to.get(l["lead_id"], []) if t >= l["created_at"]]
        if later:
            responses.append((ts(min(later)) - ts(l["created_at"])).total_seconds())
    out["average_response_time"] = share(sum(responses), len(responses))
    out["average_response_time.within_2h"] = share(sum(r <= 7200 for r in responses), len(responses))
    out["average_response_time.uncontacted"] = len(p_leads) - len(responses)

    out["opportunity_win_ratio"] = share(len(won), len(won) + len(lost))
    with_cost = [d for d in won if d["cost"] != ""]
    amount = sum(float(d["amount"]) for d in with_cost)
    out["profit_margin"] = share(amount - sum(float(d["cost"]) for d in with_cost), amount)

    # 10: converted by status, converted_at, or a won deal linked by lead_id.
    won_by_lead = {}
    for d in deals:
        if d["stage"] == "won" and d["lead_id"]:
            won_by_lead.setdefault(d["lead_id"], []).append(d["closed_at"])
    converted = [l for l in p_leads
                 if l["status"] == "converted" or l["converted_at"] or l["lead_id"] in won_by_lead]
    out["lead_conversion_rate"] = share(len(converted), len(p_leads))
    waits = []
    for l in converted:
        at = l["converted_at"] or min(won_by_lead.get(l["lead_id"], [""]))
        if at:
            waits.append((ts(at) - ts(l["created_at"])).total_seconds() / 86400)
    out["lead_conversion_rate.avg_days_to_convert"] = share(sum(waits), len(waits))

    offered = [c for c in inbound if c["status"] in ("connected", "abandoned")]
    out["call_abandonment_rate"] = share(sum(c["status"] == "abandoned" for c in offered), len(offered))

    out["monthly_sales"] = revenue
    expected = sum(TARGET_MONTHLY_SALES / days_in_month(first + timedelta(days=i)) for i in range(days))
    out["monthly_sales.attainment"] = revenue / expected
    out["monthly_sales.transactions"] = len(won)

    agent_days = {(c["agent"], c["started_at"][:10]) for c in outbound}
    out["outbound_calls_per_day"] = share(len(outbound), len(agent_days))

    talks = [float(c["talk_seconds"]) for c in outbound + inbound
             if c["status"] == "connected" and c["talk_seconds"] != ""]
    out["average_talk_time"] = share(sum(talks), len(talks))
    out["average_talk_time.under_2min"] = share(sum(t < 120 for t in talks), len(talks))

    # 15: the callback flag; no inbound call can match an outbound one (the
    # outbound calls carry a lead_id and no phone, the inbound ones a phone
    # and no lead_id), which the assertion checks.
    assert not any(c["phone"] for c in calls if c["direction"] == "out")
    assert not any(c["lead_id"] for c in calls if c["direction"] == "in")
    out["callback_rate"] = share(sum(c["callback"] == "1" for c in outbound), len(outbound))
    return out


def days_in_month(d):
    nxt = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
    return (nxt - d.replace(day=1)).days


def main():
    folder = sys.argv[1]
    p = [date.fromisoformat(a) for a in sys.argv[2:6]]
    now, before = kpis(folder, p[0], p[1]), kpis(folder, p[2], p[3])
    print(json.dumps({k: [now[k], before.get(k)] for k in now}, indent=1))


if __name__ == "__main__":
    main()
