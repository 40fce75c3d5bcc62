//! Money cells: `850000`, `Rp 1.250.000,00`, `IDR 850,000`, `1,250,000.00`,
//! `(500)`, `-500`. A cell is read under both conventions (dot decimal, comma
//! decimal) and says which one it supports and how strongly; the column
//! decides (see `convention`).

/// How strongly a cell points at one convention (KPIS.md "Money evidence
/// ranks"); a stronger rank beats any number of weaker ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Strength {
    /// A single 3-digit group such as `850,000`.
    SingleGroup,
    /// Several groups (`1.250.000`) or a part that is not a 3-digit group (`850.50`).
    Pattern,
    /// Both separators (`1.250.000,00`): the last one is the decimal mark.
    BothSeparators,
}

/// Evidence from one cell: its strength and the convention it supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Evidence {
    /// How strong.
    pub strength: Strength,
    /// `true`: the comma is the decimal mark (dot groups thousands).
    pub decimal_comma: bool,
}

/// One money cell read both ways.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MoneyCell {
    /// The amount when `.` is the decimal mark (`None`: not valid that way).
    pub dot: Option<f64>,
    /// The amount when `,` is the decimal mark.
    pub comma: Option<f64>,
    /// What the cell says about the convention (`None`: no separator).
    pub evidence: Option<Evidence>,
}

impl MoneyCell {
    /// The amount under a convention.
    pub fn value(&self, decimal_comma: bool) -> Option<f64> {
        if decimal_comma {
            self.comma
        } else {
            self.dot
        }
    }

    /// Whether the two conventions read the cell differently.
    pub fn depends_on_convention(&self) -> bool {
        self.dot != self.comma
    }
}

const CURRENCIES: [&str; 5] = ["rp", "idr", "usd", "$", "€"];

/// Reads a money cell; `None` when it is not an amount under either convention.
///
/// ```
/// # use telesales_kpi::domain::ingest::value::money::parse_money;
/// let cell = parse_money("Rp 1.250.000,00").unwrap();
/// assert_eq!(cell.value(true), Some(1_250_000.0));
/// assert_eq!(cell.value(false), None);
/// ```
pub fn parse_money(text: &str) -> Option<MoneyCell> {
    let (negative, core) = strip_decorations(text)?;
    if core.is_empty()
        || !core
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let sign = if negative { -1.0 } else { 1.0 };
    let dot = interpret(core, b'.', b',').map(|v| v * sign);
    let comma = interpret(core, b',', b'.').map(|v| v * sign);
    if dot.is_none() && comma.is_none() {
        return None;
    }
    Some(MoneyCell {
        dot,
        comma,
        evidence: evidence(core),
    })
}

/// Drops blanks, currency marks, a minus sign or enclosing parentheses.
fn strip_decorations(text: &str) -> Option<(bool, &str)> {
    let mut s = text.trim();
    let mut negative = false;
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        s = inner.trim();
    }
    for _ in 0..4 {
        if let Some(rest) = s.strip_prefix('-') {
            if negative {
                return None;
            }
            negative = true;
            s = rest.trim_start();
            continue;
        }
        match strip_currency(s) {
            Some(rest) => s = rest,
            None => break,
        }
    }
    Some((negative, s))
}

/// Removes one currency mark at the start or the end.
fn strip_currency(s: &str) -> Option<&str> {
    for cur in CURRENCIES {
        let n = cur.len();
        if s.len() >= n && s.is_char_boundary(n) && s[..n].eq_ignore_ascii_case(cur) {
            return Some(s[n..].trim());
        }
        let cut = s.len().checked_sub(n)?;
        if s.is_char_boundary(cut) && s[cut..].eq_ignore_ascii_case(cur) {
            return Some(s[..cut].trim());
        }
    }
    None
}

/// The amount of `core` (digits and separators) with `decimal` as decimal mark
/// and `thousands` grouping by 3.
fn interpret(core: &str, decimal: u8, thousands: u8) -> Option<f64> {
    let bytes = core.as_bytes();
    let mut parts = bytes.splitn(2, |&b| b == decimal);
    let int = parts.next().unwrap_or_default();
    let frac = parts.next();
    if let Some(frac) = frac {
        if frac.contains(&decimal) || frac.contains(&thousands) {
            return None;
        }
        if frac.is_empty() && int.is_empty() {
            return None;
        }
    } else if int.is_empty() {
        return None;
    }
    let mut buf = [0u8; 64];
    let mut n = 0;
    let mut push = |b: u8| -> Option<()> {
        *buf.get_mut(n)? = b;
        n += 1;
        Some(())
    };
    if int.contains(&thousands) {
        for (i, group) in int.split(|&b| b == thousands).enumerate() {
            let ok = if i == 0 {
                (1..=3).contains(&group.len()) && group.first() != Some(&b'0')
            } else {
                group.len() == 3
            };
            if !ok {
                return None;
            }
            group.iter().try_for_each(|&b| push(b))?;
        }
    } else {
        int.iter().try_for_each(|&b| push(b))?;
    }
    if int.is_empty() {
        push(b'0')?;
    }
    if let Some(frac) = frac.filter(|f| !f.is_empty()) {
        push(b'.')?;
        frac.iter().try_for_each(|&b| push(b))?;
    }
    std::str::from_utf8(buf.get(..n)?).ok()?.parse().ok()
}

/// What the separators of `core` say about the convention.
fn evidence(core: &str) -> Option<Evidence> {
    let last_dot = core.rfind('.');
    let last_comma = core.rfind(',');
    let (sep, at) = match (last_dot, last_comma) {
        (None, None) => return None,
        (Some(d), Some(c)) => {
            return Some(Evidence {
                strength: Strength::BothSeparators,
                decimal_comma: c > d,
            })
        }
        (Some(d), None) => ('.', d),
        (None, Some(c)) => (',', c),
    };
    let count = core.matches(sep).count();
    let before = &core[..at];
    let after = &core[at + 1..];
    let grouping = count >= 2 || (after.len() == 3 && !before.is_empty() && before != "0");
    let strength = if count == 1 && grouping {
        Strength::SingleGroup
    } else {
        Strength::Pattern
    };
    // Grouping: the separator groups thousands, so the other one is decimal.
    let decimal_comma = if grouping { sep == '.' } else { sep == ',' };
    Some(Evidence {
        strength,
        decimal_comma,
    })
}
