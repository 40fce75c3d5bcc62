//! The share link codec: the exact fragment format of KPIS.md, round trips,
//! the last-wins rule for duplicate targets, and refusal of every malformed or
//! hostile fragment with a typed error (never a panic).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use proptest::prelude::*;
use serde_json::{json, Value};
use telesales_kpi::domain::kpi::targets::{Comparator, Scope, Target, Targets, TargetsError};
use telesales_kpi::domain::kpi::KpiId;
use telesales_kpi::present::i18n::Lang;
use telesales_kpi::present::share_link::{
    changes, decode, encode, Change, ShareError, SharedSettings, MAX_FRAGMENT,
};

fn every_setting() -> SharedSettings {
    SharedSettings {
        language: Some(Lang::Id),
        utc_offset_minutes: Some(-330),
        short_abandon_seconds: Some(5.0),
        callback_days: Some(3),
        country_code: Some("65".into()),
        extension_max_digits: Some(4),
        service_level_seconds: Some(30.0),
        currency: Some("USD".into()),
        csv_delimiter: Some(','),
    }
}

fn custom_targets() -> Targets {
    let mut t = Targets::presets();
    t.targets.push(Target {
        kpi: KpiId::CallConnectionRate,
        comparator: Comparator::AtLeast,
        value: 0.65,
        value_max: None,
        scope: Scope::RosterTeam("Bandung".into()),
    });
    t.targets.push(Target {
        kpi: KpiId::AverageTalkTime,
        comparator: Comparator::Between,
        value: 200.0,
        value_max: Some(400.0),
        scope: Scope::Agent("<img src=x onerror=alert(1)> & \"Budi\"".into()),
    });
    t
}

/// The fragment for a JSON value, as KPIS.md defines it.
fn fragment(json: &Value) -> String {
    format!("config={}", URL_SAFE_NO_PAD.encode(json.to_string()))
}

#[test]
fn the_fragment_is_base64url_without_padding_of_the_documented_json() {
    let text = encode(&custom_targets(), &every_setting());
    let payload = text.strip_prefix("config=").expect("prefix");
    assert!(
        payload
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
        "{payload}"
    );
    let json: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).expect("base64url")).expect("json");
    assert_eq!(json["version"], 1);
    assert_eq!(
        json["settings"],
        json!({
            "language": "id", "utc_offset": "-05:30", "short_abandon_seconds": 5.0,
            "callback_days": 3, "country_code": "65", "extension_max_digits": 4,
            "service_level_seconds": 30.0, "currency": "USD", "csv_delimiter": ","
        })
    );
    // The targets are those of a targets file.
    let file = json!({"version": 1, "targets": json["targets"]}).to_string();
    assert_eq!(
        Targets::from_json(&file).expect("targets file"),
        custom_targets()
    );
    assert_eq!(json["targets"][15]["team"], "Bandung");
    assert_eq!(json["targets"][16]["value_max"], 400.0);
}

/// The link's text, byte for byte: keys in alphabetical order at every
/// level, absent settings left out, `value_max` written as null.
#[test]
fn the_link_is_written_with_its_keys_in_order() {
    let targets = Targets {
        targets: vec![
            Target {
                scope: Scope::Agent("budi".into()),
                ..Target::team(KpiId::CallbackRate, Comparator::Between, 0.25, Some(0.5))
            },
            Target::team(KpiId::UpsellingRate, Comparator::AtLeast, 0.1, None),
        ],
    };
    let settings = SharedSettings {
        callback_days: Some(7),
        short_abandon_seconds: Some(5.0),
        utc_offset_minutes: Some(420),
        ..SharedSettings::default()
    };
    let fragment = encode(&targets, &settings);
    let json = URL_SAFE_NO_PAD
        .decode(&fragment["config=".len()..])
        .unwrap();
    assert_eq!(
        String::from_utf8(json).unwrap(),
        concat!(
            r#"{"settings":{"callback_days":7,"short_abandon_seconds":5.0,"utc_offset":"+07:00"},"#,
            r#""targets":[{"agent":"budi","comparator":"between","kpi":"callback_rate","value":0.25,"value_max":0.5},"#,
            r#"{"comparator":"at_least","kpi":"upselling_rate","value":0.1,"value_max":null}],"version":1}"#
        )
    );
    for version in ["1", "1.0", "1e0", "null"] {
        let text = format!(r#"{{"version": {version}, "settings": {{"callback_days": 4}}}}"#);
        let back = decode(&format!("config={}", URL_SAFE_NO_PAD.encode(text))).unwrap();
        assert_eq!(back.settings.callback_days, Some(4), "version {version}");
    }
}

#[test]
fn links_round_trip() {
    let cases = [
        (Targets::presets(), SharedSettings::default()),
        (custom_targets(), every_setting()),
        (Targets::default(), every_setting()),
    ];
    for (targets, settings) in cases {
        let back = decode(&format!("#{}", encode(&targets, &settings))).expect("decode");
        assert_eq!(back.targets.as_ref(), Some(&targets));
        assert_eq!(back.settings, settings);
        assert_eq!(back.duplicates, 0);
    }
}

#[test]
fn a_link_written_by_hand_is_read() {
    let cases: [(Value, Option<usize>, SharedSettings); 4] = [
        (
            json!({"version": 1, "targets": [], "settings": {}}),
            Some(0),
            SharedSettings::default(),
        ),
        (
            json!({"settings": {"language": "en"}}),
            None,
            SharedSettings {
                language: Some(Lang::En),
                ..SharedSettings::default()
            },
        ),
        (
            json!({"version": 1.0, "targets": [{"kpi": "callback_rate", "comparator": "at_least", "value": 0.3}]}),
            Some(1),
            SharedSettings::default(),
        ),
        (
            json!({"version": 1, "settings": {"currency": "eur", "country_code": "+62", "utc_offset": "+0700"}}),
            None,
            SharedSettings {
                currency: Some("EUR".into()),
                country_code: Some("62".into()),
                utc_offset_minutes: Some(420),
                ..SharedSettings::default()
            },
        ),
    ];
    for (json, targets, settings) in cases {
        let got = decode(&fragment(&json)).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!(got.targets.map(|t| t.targets.len()), targets, "{json}");
        assert_eq!(got.settings, settings, "{json}");
    }
    // Padding added by a mail client is tolerated; unknown keys are set aside.
    let padded = format!(
        "config={}",
        base64::engine::general_purpose::URL_SAFE
            .encode(r#"{"version":1,"settings":{"theme":"dark"}}"#)
    );
    assert!(padded.ends_with('='));
    let got = decode(&padded).expect("padded");
    assert_eq!(got.unknown_settings, ["theme"]);
}

#[test]
fn a_kpi_and_scope_listed_twice_keeps_the_last() {
    let json = json!({"version": 1, "targets": [
        {"kpi": "callback_rate", "comparator": "at_least", "value": 0.1},
        {"kpi": "callback_rate", "comparator": "at_least", "value": 0.2, "agent": "budi"},
        {"kpi": "callback_rate", "comparator": "at_most", "value": 0.3},
    ]});
    let got = decode(&fragment(&json)).expect("decode");
    assert_eq!(got.duplicates, 1);
    let targets = got.targets.expect("targets").targets;
    assert_eq!(targets.len(), 2);
    assert_eq!(
        (targets[0].scope.clone(), targets[0].value),
        (Scope::Agent("budi".into()), 0.2)
    );
    assert_eq!(
        (targets[1].comparator, targets[1].value),
        (Comparator::AtMost, 0.3)
    );
}

/// What a refused fragment's error must be.
type Expect = fn(&ShareError) -> bool;

#[test]
fn malformed_and_hostile_fragments_are_refused_with_a_reason() {
    let b64 = |bytes: &[u8]| format!("config={}", URL_SAFE_NO_PAD.encode(bytes));
    let long = format!("config={}", "A".repeat(MAX_FRAGMENT));
    let cases: Vec<(String, Expect)> = vec![
        ("#main".into(), |e| *e == ShareError::NotALink),
        (String::new(), |e| *e == ShareError::NotALink),
        ("config=%%%".into(), |e| matches!(e, ShareError::NotBase64 { .. })),
        ("config=abc+/".into(), |e| matches!(e, ShareError::NotBase64 { .. })),
        (long, |e| matches!(e, ShareError::TooLong { .. })),
        (b64(&[0xff, 0xfe, 0x00]), |e| *e == ShareError::NotUtf8),
        (b64(b"not json"), |e| matches!(e, ShareError::BadJson { line: 1, .. })),
        (b64(b"[1, 2]"), |e| matches!(e, ShareError::BadJson { .. })),
        // An array whose items would fill the object's parts in order.
        (b64(br"[1, [], {}]"), |e| matches!(e, ShareError::BadJson { message, .. } if message == "expected a JSON object")),
        (b64(br#"{"version": "1"}"#), |e| *e == ShareError::UnsupportedVersion("\"1\"".into())),
        (b64(br#"{"version": 2, "targets": []}"#), |e| *e == ShareError::UnsupportedVersion("2".into())),
        (b64(br#"{"targets": {"kpi": "x"}}"#), |e| matches!(e, ShareError::Targets(TargetsError::BadJson { .. }))),
        (b64(br#"{"targets": [{"kpi": "happiness", "comparator": "at_least", "value": 1}]}"#),
            |e| matches!(e, ShareError::Targets(TargetsError::UnknownKpi { index: 0, .. }))),
        (b64(br#"{"targets": [{"kpi": "callback_rate", "comparator": "between", "value": 1}]}"#),
            |e| matches!(e, ShareError::Targets(TargetsError::BetweenWithoutMax { index: 0 }))),
        (b64(br#"{"targets": [{"kpi": "callback_rate", "comparator": "at_least", "value": "0.2"}]}"#),
            |e| matches!(e, ShareError::Targets(_))),
        (b64(br#"{"settings": []}"#), |e| matches!(e, ShareError::BadJson { .. })),
        (b64(br#"{"settings": {"language": "fr"}}"#), |e| matches!(e, ShareError::BadSetting { key: "language", .. })),
        (b64(br#"{"settings": {"utc_offset": "+25:00"}}"#), |e| matches!(e, ShareError::BadSetting { key: "utc_offset", .. })),
        (b64(br#"{"settings": {"callback_days": -1}}"#), |e| matches!(e, ShareError::BadSetting { key: "callback_days", .. })),
        (b64(br#"{"settings": {"callback_days": 1e9}}"#), |e| matches!(e, ShareError::BadSetting { key: "callback_days", .. })),
        (b64(br#"{"settings": {"short_abandon_seconds": "5"}}"#), |e| matches!(e, ShareError::BadSetting { key: "short_abandon_seconds", .. })),
        (b64(br#"{"settings": {"extension_max_digits": 0}}"#), |e| matches!(e, ShareError::BadSetting { key: "extension_max_digits", .. })),
        (b64(br#"{"settings": {"country_code": "<b>"}}"#), |e| matches!(e, ShareError::BadSetting { key: "country_code", .. })),
        (b64(br#"{"settings": {"currency": "RUPIAH"}}"#), |e| matches!(e, ShareError::BadSetting { key: "currency", .. })),
        (b64(br#"{"settings": {"csv_delimiter": "\t"}}"#), |e| matches!(e, ShareError::BadSetting { key: "csv_delimiter", .. })),
    ];
    for (text, expected) in cases {
        let err = decode(&text).expect_err(&text);
        assert!(expected(&err), "{text:.60}: got {err:?}");
        assert!(!err.to_string().is_empty());
    }
}

#[test]
fn changes_list_exactly_what_the_link_would_change() {
    let mut theirs = Targets::presets();
    theirs.targets[4].value = 0.65; // call_connection_rate
    theirs.targets.push(Target {
        kpi: KpiId::CallbackRate,
        comparator: Comparator::AtLeast,
        value: 0.25,
        value_max: None,
        scope: Scope::Agent("budi.s".into()),
    });
    let link = decode(&encode(
        &theirs,
        &SharedSettings {
            language: Some(Lang::En),
            callback_days: Some(5),
            ..SharedSettings::default()
        },
    ))
    .expect("decode");
    let mine = SharedSettings {
        language: Some(Lang::En),
        callback_days: Some(7),
        ..every_setting()
    };
    let got = changes(&link, &Targets::presets(), &mine, Lang::En);
    let row = |what: &str, before: &str, after: &str| Change {
        what: what.into(),
        before: before.into(),
        after: after.into(),
    };
    assert_eq!(
        got,
        [
            row("Call connection rate — whole team", "≥ 60 %", "≥ 65 %"),
            row("Callback rate — agent budi.s", "–", "≥ 25 %"),
            row("Callback window (days)", "7", "5"),
        ]
    );
    assert!(changes(
        &decode(&encode(&Targets::presets(), &mine)).expect("same"),
        &Targets::presets(),
        &mine,
        Lang::Id
    )
    .is_empty());
}

proptest! {
    #[test]
    fn any_fragment_decodes_or_is_refused_without_panic(text in ".{0,300}") {
        let _ = decode(&text);
        let _ = decode(&format!("config={text}"));
    }

    #[test]
    fn any_bytes_behind_the_prefix_decode_or_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode(&format!("config={}", URL_SAFE_NO_PAD.encode(&bytes)));
    }

    #[test]
    fn any_json_shape_is_handled(json in r#"\{"(version|targets|settings)": ?(1|"x"|\[\]|\{\}|null|\[\{"kpi": ?"callback_rate"\}\]|\{"language": ?"id"\})\}"#) {
        let _ = decode(&format!("config={}", URL_SAFE_NO_PAD.encode(&json)));
    }
}
