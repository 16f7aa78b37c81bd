//! The HTML page in a real browser: headless Chromium loads the seed's page, and the DOM
//! after load holds one highlight per fact (the page's script counts them into
//! `data-facts` on the body, so the script ran too), with no error reported by the page.
//! A screenshot is written to `target/tmp/browser/seed.png` for a person to look at.
//!
//! Skipped, saying so, where no Chromium is installed; in CI (`CI=true`) it must run:
//! `.ci/run` installs Debian's `chromium`.

use std::path::{Path, PathBuf};
use std::process::Command;

const SEED: &str = include_str!("../fixtures/haimen-2022.txt");

/// The first Chromium on the PATH.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// Chromium, headless, with nothing that reaches the network, and a fresh profile.
fn headless(browser: &Path, profile: &Path) -> Command {
    let mut c = Command::new(browser);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--enable-logging=stderr",
        "--v=0",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    c
}

#[test]
fn the_seed_page_shows_every_fact() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI must run the browser test: install chromium"
        );
        eprintln!("skipped: no chromium on the PATH (apt-get install chromium)");
        return;
    };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("browser");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let seed = dir.join("haimen-2022.txt");
    std::fs::write(&seed, SEED).unwrap();
    let page = dir.join("seed.html");
    let zhfacts = env!("CARGO_BIN_EXE_zhfacts");
    let made = Command::new(zhfacts)
        .args(["--format", "html", "-o"])
        .arg(&page)
        .arg(&seed)
        .status()
        .unwrap();
    assert!(made.success());
    let jsonl = Command::new(zhfacts)
        .args(["--format", "jsonl"])
        .arg(&seed)
        .output()
        .unwrap();
    let facts = String::from_utf8(jsonl.stdout).unwrap().lines().count();
    assert!(facts > 50, "the seed has its facts");

    let url = format!("file://{}", page.display());
    let out = headless(&browser, &dir.join("profile"))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "chromium failed: {log}");
    let dom = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        dom.matches("<mark class=\"fact ").count(),
        facts,
        "one highlight per fact"
    );
    assert!(
        dom.contains(&format!("data-facts=\"{facts}\"")),
        "the page's script ran and counted {facts}"
    );
    // The page's own errors: an uncaught exception or a console error.
    for line in log.lines() {
        assert!(
            !line.contains("Uncaught") && !line.contains(":CONSOLE"),
            "the page reported: {line}"
        );
    }

    let shot = dir.join("seed.png");
    let out = headless(&browser, &dir.join("profile"))
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1280,2400")
        .arg(&url)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "a PNG of the page");
}
