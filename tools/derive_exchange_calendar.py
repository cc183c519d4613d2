#!/usr/bin/env python3
"""Derives maintenance-core's bundled SGX/HKEX calendar data from the exchange_calendars answer files.

Usage: python3 tools/derive_exchange_calendar.py maintenance-core/src/test/resources/calendars > \
         maintenance-core/src/main/resources/com/twsrobot/maintenance/core/calendar/exchange-calendar.csv

Source: the per-session answer files of the open-source exchange_calendars project (Apache License 2.0,
tests/resources, revision of July 2026): xhkg.csv (HKEX, to 2025-09-05) and xses.csv (SGX, to 2026-12-31).
From 2015 on, a weekday with no session is a closure, and a session that differs from the exchange's
regular hours is a half day or a special session. xses.csv has no SGX half days and no midday break
after 2017-11-13 (known wrong, see the fixtures README); SGX half days on the eves of Lunar New Year,
Christmas and New Year are added from 2017-11-13 on by the exchange's rule. HKEX entries after the
answer file ends come from HKEX's published holiday schedule and are appended by hand at the end.
"""
import csv
import datetime as dt
import sys
from pathlib import Path

START = dt.date(2015, 1, 1)

# After xhkg.csv ends (2025-09-05): HKEX's published schedule. Since 2024-09-23 HKEX trades through
# typhoons, so no weather closures are expected.
HKEX_AFTER_ANSWER_FILE = [
    ('2025-10-01', 'closed'), ('2025-10-07', 'closed'), ('2025-10-29', 'closed'), ('2025-12-24', 'half_day'),
    ('2025-12-25', 'closed'), ('2025-12-26', 'closed'), ('2025-12-31', 'half_day'),
    ('2026-01-01', 'closed'), ('2026-02-16', 'half_day'), ('2026-02-17', 'closed'), ('2026-02-18', 'closed'),
    ('2026-02-19', 'closed'), ('2026-04-03', 'closed'), ('2026-04-06', 'closed'), ('2026-04-07', 'closed'),
    ('2026-05-01', 'closed'), ('2026-05-25', 'closed'), ('2026-06-19', 'closed'), ('2026-07-01', 'closed'),
    ('2026-10-01', 'closed'), ('2026-10-19', 'closed'), ('2026-12-24', 'half_day'), ('2026-12-25', 'closed'),
    ('2026-12-31', 'half_day'),
]
SGX_BREAK_FROM = dt.date(2017, 11, 13)


# HKEX 2027 (circular CT/077/26, 1 June 2026): closed days, and half days (close 12:00, no afternoon).
HKEX_2027 = [
    ('2027-01-01', 'closed'), ('2027-02-05', 'half_day'), ('2027-02-08', 'closed'), ('2027-02-09', 'closed'),
    ('2027-03-26', 'closed'), ('2027-03-29', 'closed'), ('2027-04-05', 'closed'), ('2027-05-13', 'closed'),
    ('2027-06-09', 'closed'), ('2027-07-01', 'closed'), ('2027-09-16', 'closed'), ('2027-10-01', 'closed'),
    ('2027-10-08', 'closed'), ('2027-12-24', 'half_day'), ('2027-12-27', 'closed'), ('2027-12-31', 'half_day'),
]
# Singapore public holidays 2027 (MOM, 18 June 2026) that fall on weekdays: Jan 1; Feb 8 (in lieu of the
# Chinese New Year Sunday); Mar 10; Mar 26; May 17; May 20; Aug 9; Oct 28. Feb 6-7, May 1 and Dec 25 are weekends.
SGX_2027_CLOSED = ['2027-01-01', '2027-02-08', '2027-03-10', '2027-03-26', '2027-05-17', '2027-05-20', '2027-08-09',
                   '2027-10-28']
# SGX's own 2027 half-day notice was not found: the usual rule gives the eves of Chinese New Year, Christmas, New Year.
SGX_2027_HALF_DAYS = ['2027-02-05', '2027-12-24', '2027-12-31']


def sessions(path):
    out = {}
    with open(path) as f:
        for row in csv.DictReader(f):
            day = dt.date.fromisoformat(row[''][:10])
            out[day] = row
    return out


def weekdays(first, last):
    d = first
    while d <= last:
        if d.weekday() < 5:
            yield d
        d += dt.timedelta(days=1)


def hm(iso, offset_hours):
    t = dt.datetime.fromisoformat(iso.replace('Z', '+00:00')) + dt.timedelta(hours=offset_hours)
    return t.strftime('%H:%M')


def main(folder):
    folder = Path(folder)
    print('# exchange,date,kind,open,close,break_start,break_end,source')
    print('# kind: closed | half_day | special. Times are exchange-local. Coverage rows bound what is known.')
    # HKEX: regular 09:30-16:00 with 12:00-13:00 break; half day 09:30-12:00.
    hk = sessions(folder / 'xhkg.csv')
    last = max(hk)
    src = 'exchange_calendars xhkg.csv (Apache-2.0)'
    for d in weekdays(START, last):
        s = hk.get(d)
        if s is None:
            print(f'HKEX,{d},closed,,,,,{src}')
            continue
        o, c = hm(s['open'], 8), hm(s['close'], 8)
        b0 = hm(s['break_start'], 8) if s['break_start'] else ''
        b1 = hm(s['break_end'], 8) if s['break_end'] else ''
        if (o, c, b0, b1) == ('09:30', '16:00', '12:00', '13:00'):
            continue
        kind = 'half_day' if (o, c, b0, b1) == ('09:30', '12:00', '', '') else 'special'
        print(f'HKEX,{d},{kind},{o},{c},{b0},{b1},{src}')
    # SGX: regular 09:00-17:00; the file's holidays are right, its sessions after 2017-11-13 are not.
    sg = sessions(folder / 'xses.csv')
    last_sg = max(sg)
    src = 'exchange_calendars xses.csv (Apache-2.0)'
    closed = set()
    for d in weekdays(START, last_sg):
        s = sg.get(d)
        if s is None:
            closed.add(d)
            print(f'SGX,{d},closed,,,,,{src}')
            continue
        if d < SGX_BREAK_FROM:
            o, c = hm(s['open'], 8), hm(s['close'], 8)
            if (o, c) != ('09:00', '17:00') or s['break_start']:
                print(f'SGX,{d},special,{o},{c},,,{src}')
    rule = 'SGX rule: half day on the eves of Lunar New Year / Christmas / New Year'
    trading = [d for d in weekdays(SGX_BREAK_FROM, last_sg) if d not in closed]
    eves = set()
    for year in range(SGX_BREAK_FROM.year, last_sg.year + 1):
        for eve in (dt.date(year, 12, 24), dt.date(year, 12, 31)):
            if eve in trading:
                eves.add(eve)
        # Lunar New Year: the first January/February closure that is not New Year's Day (or its observed day).
        lny = sorted(d for d in closed if d.year == year and d.month in (1, 2) and not (d.month == 1 and d.day <= 2))
        if lny:
            before = [d for d in trading if d < lny[0]]
            if before:
                eves.add(before[-1])
    for d in sorted(eves):
        print(f'SGX,{d},half_day,09:00,12:00,,,{rule}')
    hand = 'HKEX published holiday schedule 2025/2026 (entered by hand)'
    for d, kind in HKEX_AFTER_ANSWER_FILE:
        times = ',09:30,12:00,,,' if kind == 'half_day' else ',,,,,'
        print(f'HKEX,{d},{kind}{times}{hand}')
    hkex27 = 'HKEX circular CT/077/26 of 2026-06-01 (entered by hand)'
    for d, kind in HKEX_2027:
        times = ',09:30,12:00,,,' if kind == 'half_day' else ',,,,,'
        print(f'HKEX,{d},{kind}{times}{hkex27}')
    sgx27 = 'Singapore public holidays 2027 (Ministry of Manpower 2026-06-18; entered by hand)'
    for d in SGX_2027_CLOSED:
        print(f'SGX,{d},closed,,,,,{sgx27}')
    derived = 'DERIVED not published: SGX half-day rule (eves of Lunar New Year / Christmas / New Year)'
    for d in SGX_2027_HALF_DAYS:
        print(f'SGX,{d},half_day,09:00,12:00,,,{derived}')
    print(f'HKEX,{START},coverage_start,,,,,exchange_calendars xhkg.csv (Apache-2.0)')
    print(f'HKEX,2027-12-31,coverage_end,,,,,{hkex27}')
    print(f'SGX,{START},coverage_start,,,,,{src}')
    print(f'SGX,2027-12-31,coverage_end,,,,,{sgx27}')


if __name__ == '__main__':
    main(sys.argv[1])
