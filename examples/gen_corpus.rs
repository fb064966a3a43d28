//! Generate a large synthetic Casebook site for performance and search-scale measurement.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --regions 2000 --out /tmp/gen2000 [--seed 42]
//! casebook check --root /tmp/gen2000 && casebook build --root /tmp/gen2000 --out /tmp/gen2000-out
//! ```
//!
//! The output is a complete site: `casebook.yaml`, `content/**` (regions, status sheets,
//! cases, analyses, outcomes and a few practice cases), and copies of the repository's
//! `themes/`, `content/vocabularies/*.yaml` and `schemas/`. Every record is marked synthetic.
//! The same seed always gives the same bytes. See `benches/README.md`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use casebook::model::date::MONTH_NAMES;
use casebook::model::Kind;
use rayon::prelude::*;
use serde_json::{json, Map, Value};

// ---------------------------------------------------------------------------------------------
// Command line

const USAGE: &str =
    "usage: gen_corpus --regions N --out DIR [--seed S] [--syntax yaml|json] [--repo DIR] [--force]

  --regions N     number of regions (the first 47 are the prefectures; the rest are cities,
                  towns, villages, wards, care areas, centres and hospitals under them)
  --out DIR       the site root to write (casebook.yaml, content/, themes/, schemas/)
  --seed S        PRNG seed (default 42); the same seed gives byte-identical output
  --syntax        yaml (default: block YAML, double-quoted scalars, `|` blocks for prose)
                  or json (each file's body is pretty-printed JSON, which is YAML 1.2)
  --repo DIR      the repository to copy themes/, vocabularies and schemas from
                  (default: this crate's directory)
  --force         DIR may already hold a site: its casebook.yaml, content/, themes/ and
                  schemas/ are removed first";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Yaml,
    Json,
}

struct Args {
    regions: usize,
    out: PathBuf,
    seed: u64,
    syntax: Syntax,
    repo: PathBuf,
    force: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut regions = None;
    let mut out = None;
    let mut seed = 42u64;
    let mut syntax = Syntax::Yaml;
    let mut repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut force = false;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--regions" => {
                let v = value("--regions")?;
                regions = Some(
                    v.parse::<usize>()
                        .map_err(|_| format!("--regions: `{v}` is not a number"))?,
                );
            }
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--seed" => {
                let v = value("--seed")?;
                seed = v
                    .parse::<u64>()
                    .map_err(|_| format!("--seed: `{v}` is not a number"))?;
            }
            "--syntax" => {
                syntax = match value("--syntax")?.as_str() {
                    "yaml" => Syntax::Yaml,
                    "json" => Syntax::Json,
                    other => return Err(format!("--syntax: `{other}` is not yaml or json")),
                }
            }
            "--repo" => repo = PathBuf::from(value("--repo")?),
            "--force" => force = true,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let regions = regions.ok_or("--regions is required")?;
    if regions == 0 {
        return Err("--regions must be at least 1".into());
    }
    let out = out.ok_or("--out is required")?;
    Ok(Args {
        regions,
        out,
        seed,
        syntax,
        repo,
        force,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("gen_corpus: {e}");
            }
            eprintln!("{USAGE}");
            return if e.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let start = Instant::now();
    prepare_out(&args.out, args.force)?;

    let regions = make_regions(args.regions, args.seed);
    let jobs = plan(&regions, args.seed);

    let content = args.out.join("content");
    for kind in KINDS {
        fs::create_dir_all(content.join(kind.dir()))
            .map_err(|e| format!("cannot create {}: {e}", content.join(kind.dir()).display()))?;
    }
    let mut files = 0usize;
    let mut bytes = 0u64;
    let (f, b) = copy_support(&args.repo, &args.out)?;
    files += f;
    bytes += b;
    let config = casebook_yaml(args.seed, args.regions);
    write(&args.out.join("casebook.yaml"), &config)?;
    files += 1;
    bytes += config.len() as u64;

    let written: Vec<u64> = jobs
        .par_iter()
        .map(|job| {
            let body = build(job, &regions, args.seed);
            let text = render_file(job, &body, args.syntax, args.seed);
            let path = content
                .join(job.kind.dir())
                .join(format!("{}.yaml", job.id));
            write(&path, &text).map(|()| text.len() as u64)
        })
        .collect::<Result<_, _>>()?;
    files += written.len();
    let content_bytes: u64 = written.iter().sum();
    bytes += content_bytes;

    let mut per_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for j in &jobs {
        *per_kind.entry(j.kind.dir()).or_default() += 1;
    }
    let kinds: Vec<String> = KINDS
        .iter()
        .filter_map(|k| per_kind.get(k.dir()).map(|n| format!("{} {n}", k.dir())))
        .collect();
    println!(
        "gen_corpus: {} regions, {} records ({}), {} files, {} bytes ({:.1} MiB; content {:.1} MiB), {:.2} s -> {}",
        regions.len(),
        jobs.len(),
        kinds.join(", "),
        files,
        bytes,
        bytes as f64 / 1048576.0,
        content_bytes as f64 / 1048576.0,
        start.elapsed().as_secs_f64(),
        args.out.display()
    );
    Ok(())
}

/// Lines of an outcome sheet as entries (the outcome model's `Entry`: a line's text is its
/// title).
fn entries(texts: Vec<Value>) -> Vec<Value> {
    texts.into_iter().map(|t| json!({ "title": t })).collect()
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Refuse to mix with an existing site unless `--force`; with it, remove only what we write.
fn prepare_out(out: &Path, force: bool) -> Result<(), String> {
    if out.exists() {
        let nonempty = fs::read_dir(out)
            .map_err(|e| format!("cannot read {}: {e}", out.display()))?
            .next()
            .is_some();
        if nonempty && !force {
            return Err(format!(
                "{} exists and is not empty (use --force to replace the site in it)",
                out.display()
            ));
        }
        for dir in ["content", "themes", "schemas"] {
            let p = out.join(dir);
            if p.is_dir() {
                fs::remove_dir_all(&p)
                    .map_err(|e| format!("cannot remove {}: {e}", p.display()))?;
            }
        }
        let cfg = out.join("casebook.yaml");
        if cfg.is_file() {
            fs::remove_file(&cfg).map_err(|e| format!("cannot remove {}: {e}", cfg.display()))?;
        }
    }
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))
}

/// Copy `themes/`, `schemas/` and `content/vocabularies/*.yaml` from the repository.
fn copy_support(repo: &Path, out: &Path) -> Result<(usize, u64), String> {
    let themes = repo.join("themes");
    if !themes.is_dir() {
        return Err(format!(
            "{} has no themes/ directory (use --repo DIR)",
            repo.display()
        ));
    }
    let mut files = 0;
    let mut bytes = 0;
    copy_tree(&themes, &out.join("themes"), &mut files, &mut bytes)?;
    let schemas = repo.join("schemas");
    if schemas.is_dir() {
        copy_tree(&schemas, &out.join("schemas"), &mut files, &mut bytes)?;
    }
    let vocab = repo.join("content").join("vocabularies");
    let dst = out.join("content").join("vocabularies");
    fs::create_dir_all(&dst).map_err(|e| format!("cannot create {}: {e}", dst.display()))?;
    let mut entries: Vec<PathBuf> = fs::read_dir(&vocab)
        .map_err(|e| format!("cannot read {}: {e}", vocab.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    entries.sort();
    for p in entries {
        let to = dst.join(p.file_name().unwrap_or_default());
        bytes += fs::copy(&p, &to)
            .map_err(|e| format!("cannot copy {} to {}: {e}", p.display(), to.display()))?;
        files += 1;
    }
    Ok((files, bytes))
}

fn copy_tree(from: &Path, to: &Path, files: &mut usize, bytes: &mut u64) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let mut entries: Vec<PathBuf> = fs::read_dir(from)
        .map_err(|e| format!("cannot read {}: {e}", from.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        let dst = to.join(p.file_name().unwrap_or_default());
        if p.is_dir() {
            copy_tree(&p, &dst, files, bytes)?;
        } else if p.is_file() {
            *bytes += fs::copy(&p, &dst)
                .map_err(|e| format!("cannot copy {} to {}: {e}", p.display(), dst.display()))?;
            *files += 1;
        }
    }
    Ok(())
}

fn casebook_yaml(seed: u64, regions: usize) -> String {
    let body = json!({
        "title": {
            "ja": format!("合成コーパス（{regions}地域・seed {seed}）精神障害にも対応した地域包括ケアシステム 実践事例集"),
            "en": format!("Synthetic corpus ({regions} regions, seed {seed}): community-based integrated care for mental health"),
        },
        "description": {
            "ja": "gen_corpus が生成した性能測定用の合成データです。実在の自治体の取組ではありません。",
            "en": "Synthetic data generated by gen_corpus for performance measurement. It does not describe the work of any real local government.",
        },
    });
    let mut s = String::from(
        "# Generated by `cargo run --release --example gen_corpus`: synthetic, not real data.\n",
    );
    s.push_str(&to_yaml(&body));
    s
}

// ---------------------------------------------------------------------------------------------
// PRNG: SplitMix64

#[derive(Clone)]
struct Rng(u64);

impl Rng {
    /// An independent stream for `(seed, name)`.
    fn derive(seed: u64, name: &str) -> Rng {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in name.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        let mut r = Rng(seed ^ h.rotate_left(17));
        r.next_u64();
        r
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// `k` distinct elements (fewer if there are fewer), in random order.
    fn pick_n<'a, T>(&mut self, xs: &'a [T], k: usize) -> Vec<&'a T> {
        let mut idx: Vec<usize> = (0..xs.len()).collect();
        let k = k.min(xs.len());
        for i in 0..k {
            let j = i + self.below(idx.len() - i);
            idx.swap(i, j);
        }
        idx[..k].iter().map(|&i| &xs[i]).collect()
    }

    /// Index by weights.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

// ---------------------------------------------------------------------------------------------
// Regions

/// The 47 prefectures in the official order (JIS X 0401 codes 1–47): name, romaji,
/// population in thousands (about 2020).
const PREFECTURES: [(&str, &str, u32); 47] = [
    ("北海道", "Hokkaido", 5225),
    ("青森県", "Aomori", 1238),
    ("岩手県", "Iwate", 1211),
    ("宮城県", "Miyagi", 2302),
    ("秋田県", "Akita", 960),
    ("山形県", "Yamagata", 1068),
    ("福島県", "Fukushima", 1833),
    ("茨城県", "Ibaraki", 2867),
    ("栃木県", "Tochigi", 1933),
    ("群馬県", "Gunma", 1939),
    ("埼玉県", "Saitama", 7345),
    ("千葉県", "Chiba", 6284),
    ("東京都", "Tokyo", 14048),
    ("神奈川県", "Kanagawa", 9237),
    ("新潟県", "Niigata", 2201),
    ("富山県", "Toyama", 1035),
    ("石川県", "Ishikawa", 1133),
    ("福井県", "Fukui", 767),
    ("山梨県", "Yamanashi", 810),
    ("長野県", "Nagano", 2048),
    ("岐阜県", "Gifu", 1979),
    ("静岡県", "Shizuoka", 3633),
    ("愛知県", "Aichi", 7542),
    ("三重県", "Mie", 1770),
    ("滋賀県", "Shiga", 1414),
    ("京都府", "Kyoto", 2578),
    ("大阪府", "Osaka", 8838),
    ("兵庫県", "Hyogo", 5465),
    ("奈良県", "Nara", 1324),
    ("和歌山県", "Wakayama", 923),
    ("鳥取県", "Tottori", 553),
    ("島根県", "Shimane", 671),
    ("岡山県", "Okayama", 1888),
    ("広島県", "Hiroshima", 2800),
    ("山口県", "Yamaguchi", 1342),
    ("徳島県", "Tokushima", 720),
    ("香川県", "Kagawa", 950),
    ("愛媛県", "Ehime", 1335),
    ("高知県", "Kochi", 692),
    ("福岡県", "Fukuoka", 5135),
    ("佐賀県", "Saga", 811),
    ("長崎県", "Nagasaki", 1312),
    ("熊本県", "Kumamoto", 1738),
    ("大分県", "Oita", 1124),
    ("宮崎県", "Miyazaki", 1070),
    ("鹿児島県", "Kagoshima", 1588),
    ("沖縄県", "Okinawa", 1467),
];

/// How the 47 prefectures' names are read, in the order of [`PREFECTURES`] (whose index plus
/// one is the JIS X 0401 code).
const PREFECTURE_READINGS: [&str; 47] = [
    "ほっかいどう",
    "あおもりけん",
    "いわてけん",
    "みやぎけん",
    "あきたけん",
    "やまがたけん",
    "ふくしまけん",
    "いばらきけん",
    "とちぎけん",
    "ぐんまけん",
    "さいたまけん",
    "ちばけん",
    "とうきょうと",
    "かながわけん",
    "にいがたけん",
    "とやまけん",
    "いしかわけん",
    "ふくいけん",
    "やまなしけん",
    "ながのけん",
    "ぎふけん",
    "しずおかけん",
    "あいちけん",
    "みえけん",
    "しがけん",
    "きょうとふ",
    "おおさかふ",
    "ひょうごけん",
    "ならけん",
    "わかやまけん",
    "とっとりけん",
    "しまねけん",
    "おかやまけん",
    "ひろしまけん",
    "やまぐちけん",
    "とくしまけん",
    "かがわけん",
    "えひめけん",
    "こうちけん",
    "ふくおかけん",
    "さがけん",
    "ながさきけん",
    "くまもとけん",
    "おおいたけん",
    "みやざきけん",
    "かごしまけん",
    "おきなわけん",
];

const TOKYO: usize = 12;

/// Place-name parts: kanji and romaji.
const NAME_PREFIX: [(&str, &str); 10] = [
    ("北", "kita"),
    ("南", "minami"),
    ("東", "higashi"),
    ("西", "nishi"),
    ("中", "naka"),
    ("新", "shin"),
    ("上", "kami"),
    ("下", "shimo"),
    ("大", "o"),
    ("小", "ko"),
];
const NAME_HEAD: [(&str, &str); 40] = [
    ("高", "taka"),
    ("長", "naga"),
    ("松", "matsu"),
    ("桜", "sakura"),
    ("青", "ao"),
    ("白", "shira"),
    ("黒", "kuro"),
    ("赤", "aka"),
    ("石", "ishi"),
    ("若", "waka"),
    ("富", "tomi"),
    ("三", "mi"),
    ("栗", "kuri"),
    ("柳", "yanagi"),
    ("福", "fuku"),
    ("宮", "miya"),
    ("本", "moto"),
    ("横", "yoko"),
    ("杉", "sugi"),
    ("梅", "ume"),
    ("藤", "fuji"),
    ("豊", "toyo"),
    ("朝", "asa"),
    ("日", "hi"),
    ("千", "chi"),
    ("八", "ya"),
    ("久", "ku"),
    ("吉", "yoshi"),
    ("岩", "iwa"),
    ("金", "kana"),
    ("鶴", "tsuru"),
    ("亀", "kame"),
    ("竹", "take"),
    ("菊", "kiku"),
    ("稲", "ina"),
    ("深", "fuka"),
    ("清", "kiyo"),
    ("美", "mi"),
    ("戸", "to"),
    ("相", "ai"),
];
const NAME_TAIL: [(&str, &str); 26] = [
    ("山", "yama"),
    ("川", "kawa"),
    ("田", "ta"),
    ("原", "hara"),
    ("野", "no"),
    ("浜", "hama"),
    ("崎", "saki"),
    ("島", "shima"),
    ("沢", "sawa"),
    ("岡", "oka"),
    ("井", "i"),
    ("津", "tsu"),
    ("瀬", "se"),
    ("谷", "ya"),
    ("木", "ki"),
    ("宮", "miya"),
    ("浦", "ura"),
    ("尾", "o"),
    ("橋", "hashi"),
    ("森", "mori"),
    ("倉", "kura"),
    ("根", "ne"),
    ("部", "be"),
    ("見", "mi"),
    ("坂", "saka"),
    ("城", "shiro"),
];
/// Area names by direction within the prefecture (県北圏域 …).
const AREA_DIRECTION: [(&str, &str); 6] = [
    ("県北", "Kenpoku"),
    ("県南", "Kennan"),
    ("県央", "Ken'o"),
    ("県東", "Kento"),
    ("県西", "Kensei"),
    ("中部", "Chubu"),
];

struct Region {
    id: String,
    /// Full name, e.g. 北川市 / Kitakawa City.
    ja: String,
    en: String,
    /// The name without its suffix (北川 / Kitakawa), for venues and forums.
    base_ja: String,
    base_en: String,
    kind: &'static str,
    parent: Option<usize>,
    /// Index of the prefecture (itself for a prefecture).
    pref: usize,
    children: Vec<usize>,
    anonymised: bool,
    population: u64,
    municipalities: Option<u32>,
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A place name from parts: (kanji, romaji).
fn place_name(rng: &mut Rng) -> (String, String) {
    let (hj, hr) = *rng.pick(&NAME_HEAD);
    let (tj, tr) = *rng.pick(&NAME_TAIL);
    let (mut ja, mut ro) = (format!("{hj}{tj}"), format!("{hr}{tr}"));
    if rng.chance(0.3) {
        let (pj, pr) = *rng.pick(&NAME_PREFIX);
        ja = format!("{pj}{ja}");
        ro = format!("{pr}{ro}");
    }
    (ja, capitalise(&ro))
}

fn kebab(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

fn unique_id(base: &str, pref_romaji: &str, used: &mut HashSet<String>) -> String {
    if used.insert(base.to_owned()) {
        return base.to_owned();
    }
    let with_pref = format!("{base}-{}", kebab(pref_romaji));
    if used.insert(with_pref.clone()) {
        return with_pref;
    }
    for n in 2.. {
        let id = format!("{with_pref}-{n}");
        if used.insert(id.clone()) {
            return id;
        }
    }
    unreachable!()
}

/// The regions: the first `n.min(47)` prefectures, then places drawn into prefectures by
/// population.
fn make_regions(n: usize, seed: u64) -> Vec<Region> {
    let mut rng = Rng::derive(seed, "regions");
    let mut used: HashSet<String> = HashSet::new();
    let mut regions: Vec<Region> = Vec::with_capacity(n);
    let prefs = n.min(47);
    for (i, p) in PREFECTURES.iter().enumerate().take(prefs) {
        let region = prefecture(&mut rng, i, p);
        add_region(&mut regions, region, &mut used);
    }
    let mut names_in_pref: HashSet<(usize, String)> = HashSet::new();
    let mut has_centre = vec![false; prefs];
    let mut anon_letter = 0usize;
    // Prefectures are weighted by population, so Tokyo and Osaka get more places.
    let weights: Vec<u32> = PREFECTURES[..prefs].iter().map(|p| 300 + p.2).collect();
    for _ in prefs..n {
        let pref = rng.weighted(&weights);
        let region = match place_kind(&mut rng, pref, has_centre[pref]) {
            "mhw-centre" => {
                has_centre[pref] = true;
                mhw_centre(&regions[pref])
            }
            "hospital" => {
                let letter = anon_label(anon_letter);
                anon_letter += 1;
                hospital(&letter, pref)
            }
            kind => named_place(&mut rng, kind, pref, &regions, &mut names_in_pref),
        };
        add_region(&mut regions, region, &mut used);
    }
    regions
}

/// Add a region under its parent (and under its prefecture too when the parent is a care
/// area), first making its id unique.
fn add_region(regions: &mut Vec<Region>, mut region: Region, used: &mut HashSet<String>) {
    region.id = unique_id(&region.id, PREFECTURES[region.pref].1, used);
    let idx = regions.len();
    let (parent, pref) = (region.parent, region.pref);
    regions.push(region);
    if let Some(parent) = parent {
        regions[parent].children.push(idx);
        if parent != pref {
            regions[pref].children.push(idx);
        }
    }
}

/// Prefecture `i` of [`PREFECTURES`], its population off by up to 3%. Its id is the base
/// that [`add_region`] makes unique (as for every region made below).
fn prefecture(rng: &mut Rng, i: usize, &(ja, ro, pop_k): &(&str, &str, u32)) -> Region {
    let en = match i {
        0 => "Hokkaido".to_owned(),
        TOKYO => "Tokyo Metropolis".to_owned(),
        _ => format!("{ro} Prefecture"),
    };
    let base_ja = ja.trim_end_matches(['県', '府', '都']);
    let base_ja = if base_ja.is_empty() { ja } else { base_ja };
    let jitter = rng.uniform(0.97, 1.03);
    Region {
        id: format!("gen-{}-pref", kebab(ro)),
        ja: ja.to_owned(),
        en,
        base_ja: base_ja.to_owned(),
        base_en: ro.to_owned(),
        kind: "prefecture",
        parent: None,
        pref: i,
        children: Vec::new(),
        anonymised: false,
        population: (f64::from(pop_k) * 1000.0 * jitter) as u64,
        municipalities: Some(rng.range(15, 60) as u32 + pop_k / 400),
    }
}

/// The kind of the next place in prefecture `pref`: mostly municipalities and care areas,
/// special wards only in Tokyo, at most one mental health and welfare centre a prefecture.
fn place_kind(rng: &mut Rng, pref: usize, has_centre: bool) -> &'static str {
    // kind weights: municipality, area, core-city, city-without-phc, designated-city,
    // special-ward (Tokyo only), mhw-centre, hospital
    let mut w = [38u32, 26, 9, 12, 2, 0, 2, 2];
    if pref == TOKYO {
        w[5] = 30;
    }
    if has_centre {
        w[6] = 0;
    }
    match rng.weighted(&w) {
        0 => "municipality",
        1 => "area",
        2 => "core-city",
        3 => "city-without-phc",
        4 => "designated-city",
        5 => "special-ward",
        6 => "mhw-centre",
        _ => "hospital",
    }
}

/// The mental health and welfare centre of prefecture `p`, named after it.
fn mhw_centre(p: &Region) -> Region {
    Region {
        id: format!("gen-{}-mhwc", kebab(PREFECTURES[p.pref].1)),
        ja: format!("{}精神保健福祉センター", p.ja),
        en: format!("{} Mental Health and Welfare Centre", p.en),
        base_ja: p.base_ja.clone(),
        base_en: p.base_en.clone(),
        kind: "mhw-centre",
        parent: Some(p.pref),
        pref: p.pref,
        children: Vec::new(),
        anonymised: false,
        population: 0,
        municipalities: None,
    }
}

/// An anonymised psychiatric hospital in prefecture `pref`, known by a letter.
fn hospital(letter: &str, pref: usize) -> Region {
    Region {
        id: format!("gen-anon-{}-hospital", letter.to_ascii_lowercase()),
        ja: format!("{letter}精神科病院"),
        en: format!("Psychiatric Hospital {letter}"),
        base_ja: letter.to_owned(),
        base_en: letter.to_owned(),
        kind: "hospital",
        parent: Some(pref),
        pref,
        children: Vec::new(),
        anonymised: true,
        population: 0,
        municipalities: None,
    }
}

/// A city, town, village, special ward or care area of prefecture `pref` with a made-up
/// name.
fn named_place(
    rng: &mut Rng,
    kind: &'static str,
    pref: usize,
    regions: &[Region],
    names_in_pref: &mut HashSet<(usize, String)>,
) -> Region {
    let (bj, br) = place_base_name(rng, kind, pref, names_in_pref);
    let (sj, se, sid) = place_suffix(rng, kind);
    let en = if kind == "area" {
        format!("{br} area")
    } else {
        format!("{br} {se}")
    };
    let population = place_population(rng, kind, sj);
    let municipalities = (kind == "area").then(|| rng.range(2, 12) as u32);
    // Some towns and villages sit within a care area of their prefecture.
    let area = if kind == "municipality" && rng.chance(0.35) {
        care_area(rng, regions, pref)
    } else {
        None
    };
    Region {
        id: format!("gen-{}-{sid}", kebab(&br)),
        ja: format!("{bj}{sj}"),
        en,
        base_ja: bj,
        base_en: br,
        kind,
        parent: Some(area.unwrap_or(pref)),
        pref,
        children: Vec::new(),
        anonymised: false,
        population,
        municipalities,
    }
}

/// A place's name without its suffix, (kanji, romaji): new for its kind in the prefecture
/// unless 20 tries found none. A care area may be named by its direction (県北) or after
/// two places (北川・南野).
fn place_base_name(
    rng: &mut Rng,
    kind: &str,
    pref: usize,
    names_in_pref: &mut HashSet<(usize, String)>,
) -> (String, String) {
    let (mut bj, mut br);
    let mut tries = 0;
    loop {
        if kind == "area" && rng.chance(0.12) {
            let (dj, dr) = *rng.pick(&AREA_DIRECTION);
            bj = dj.to_owned();
            br = dr.to_owned();
        } else {
            (bj, br) = place_name(rng);
            if kind == "area" && rng.chance(0.3) {
                let (bj2, br2) = place_name(rng);
                bj = format!("{bj}・{bj2}");
                br = format!("{br}-{br2}");
            }
        }
        tries += 1;
        if names_in_pref.insert((pref, format!("{kind}:{bj}"))) || tries > 20 {
            return (bj, br);
        }
    }
}

/// A place's suffix: (Japanese, English, id).
fn place_suffix(rng: &mut Rng, kind: &str) -> (&'static str, &'static str, &'static str) {
    match kind {
        "area" => ("圏域", "area", "area"),
        "special-ward" => ("区", "Ward", "ward"),
        "municipality" => *rng.pick(&[
            ("市", "City", "city"),
            ("町", "Town", "town"),
            ("町", "Town", "town"),
            ("村", "Village", "village"),
        ]),
        _ => ("市", "City", "city"),
    }
}

/// A place's population by its kind, or for a municipality by its suffix (市, 町, 村).
fn place_population(rng: &mut Rng, kind: &str, suffix: &str) -> u64 {
    (match (kind, suffix) {
        ("designated-city", _) => rng.range(700_000, 2_700_000),
        ("core-city", _) => rng.range(200_000, 600_000),
        ("city-without-phc", _) => rng.range(20_000, 150_000),
        ("special-ward", _) => rng.range(60_000, 900_000),
        ("area", _) => rng.range(50_000, 600_000),
        (_, "市") => rng.range(25_000, 120_000),
        (_, "町") => rng.range(3_000, 40_000),
        _ => rng.range(500, 8_000),
    }) as u64
}

/// One of prefecture `pref`'s care areas, if it has any yet.
fn care_area(rng: &mut Rng, regions: &[Region], pref: usize) -> Option<usize> {
    let areas: Vec<usize> = regions[pref]
        .children
        .iter()
        .copied()
        .filter(|&c| regions[c].kind == "area")
        .collect();
    (!areas.is_empty()).then(|| *rng.pick(&areas))
}

fn anon_label(n: usize) -> String {
    let letters = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    if n < 26 {
        (letters[n] as char).to_string()
    } else {
        format!(
            "{}{}",
            letters[(n / 26 - 1) % 26] as char,
            letters[n % 26] as char
        )
    }
}

// ---------------------------------------------------------------------------------------------
// Records to write

/// The kinds of record the generator writes (every kind but handbook pages).
const KINDS: [Kind; 6] = [
    Kind::Regions,
    Kind::StatusSheets,
    Kind::Outcomes,
    Kind::Cases,
    Kind::Practices,
    Kind::Analyses,
];

struct Job {
    kind: Kind,
    id: String,
    region: usize,
    /// A category id for cases.
    category: Option<&'static str>,
}

const CATEGORIES: [&str; 8] = [
    "awareness",
    "family-support",
    "housing",
    "peer-support",
    "outreach",
    "staff-training",
    "inpatient-transition",
    "evaluation",
];

const THEMES: [&str; 12] = [
    "system-development",
    "community-transition",
    "outreach",
    "post-discharge-support",
    "hospital-community",
    "municipal-consultation",
    "housing",
    "peer-support",
    "family-support",
    "human-resources",
    "awareness",
    "inter-agency",
];

/// Decide which records each region has: on average about four besides the region itself,
/// so that a region accounts for about ten pages in the two languages.
fn plan(regions: &[Region], seed: u64) -> Vec<Job> {
    let mut jobs = Vec::new();
    let mut ids: HashSet<String> = regions.iter().map(|r| r.id.clone()).collect();
    for (i, r) in regions.iter().enumerate() {
        let mut rng = Rng::derive(seed, &format!("plan/{}", r.id));
        jobs.push(Job {
            kind: Kind::Regions,
            id: r.id.clone(),
            region: i,
            category: None,
        });
        // (sheet, cases lo..=hi, analyses lo..=hi, outcome, practice)
        let (p_sheet, cases, analyses, p_outcome, p_practice) = match r.kind {
            "prefecture" => (1.0, (1, 3), (0, 2), 0.5, 0.0),
            "designated-city" | "core-city" => (0.6, (1, 3), (1, 2), 0.4, 0.3),
            "area" => (0.5, (1, 3), (0, 2), 0.7, 0.2),
            "mhw-centre" => (0.0, (1, 2), (1, 2), 0.0, 0.0),
            "hospital" => (0.0, (0, 1), (0, 1), 0.0, 1.0),
            _ => (0.45, (1, 3), (0, 2), 0.4, 0.2),
        };
        let mut push = |kind: Kind, id: String, category: Option<&'static str>| {
            assert!(ids.insert(id.clone()), "duplicate id {id}");
            jobs.push(Job {
                kind,
                id,
                region: i,
                category,
            });
        };
        if rng.chance(p_sheet) {
            push(Kind::StatusSheets, format!("{}-sheet", r.id), None);
        }
        let n_cases = rng.range(cases.0, cases.1) as usize;
        for c in rng.pick_n(&CATEGORIES, n_cases) {
            push(Kind::Cases, format!("{}-{c}", r.id), Some(*c));
        }
        let n_analyses = rng.range(analyses.0, analyses.1);
        for k in 0..n_analyses {
            let id = if k == 0 {
                format!("{}-analysis", r.id)
            } else {
                format!("{}-analysis-{}", r.id, k + 1)
            };
            push(Kind::Analyses, id, None);
        }
        if rng.chance(p_outcome) {
            push(Kind::Outcomes, format!("{}-outcome", r.id), None);
        }
        if rng.chance(p_practice) {
            push(Kind::Practices, format!("{}-practice", r.id), None);
        }
    }
    jobs
}

fn build(job: &Job, regions: &[Region], seed: u64) -> Value {
    let mut c = Ctx::new(seed, job, regions);
    match job.kind {
        Kind::Regions => c.region_record(),
        Kind::StatusSheets => c.sheet(),
        Kind::Outcomes => c.outcome(),
        Kind::Cases => c.case(job.category.unwrap_or("awareness")),
        Kind::Practices => c.practice(),
        Kind::Analyses => c.analysis(),
        Kind::Pages => unreachable!("the generator plans no handbook pages"),
    }
}

fn render_file(job: &Job, body: &Value, syntax: Syntax, seed: u64) -> String {
    let mut s = format!(
        "# yaml-language-server: $schema=../../schemas/{}.json\n# Synthetic record (gen_corpus, seed {seed}): not real data.\n",
        job.kind.dir()
    );
    match syntax {
        Syntax::Yaml => s.push_str(&to_yaml(body)),
        Syntax::Json => {
            s.push_str(&serde_json::to_string_pretty(body).expect("JSON values serialise"));
            s.push('\n');
        }
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Dates, written the ways the sources write them

const WEEKDAYS: [&str; 7] = ["日", "月", "火", "水", "木", "金", "土"];

/// Full-width digits and Latin letters (４月, ＡＤ).
fn fullwidth(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// The era of a calendar date: (letter, kanji, year in era).
fn era_of(y: i32, m: u32, d: u32) -> (&'static str, &'static str, i32) {
    if (y, m, d) >= (2019, 5, 1) {
        ("R", "令和", y - 2018)
    } else {
        ("H", "平成", y - 1988)
    }
}

/// The era a fiscal year is written in: 令和元年度 for FY2019.
fn era_of_fy(fy: i32) -> (&'static str, &'static str, i32) {
    if fy >= 2019 {
        ("R", "令和", fy - 2018)
    } else {
        ("H", "平成", fy - 1988)
    }
}

fn kanji_year(kanji: &str, n: i32) -> String {
    if n == 1 {
        format!("{kanji}元年")
    } else {
        format!("{kanji}{n}年")
    }
}

fn weekday(y: i32, m: u32, d: u32) -> usize {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    ((y + y / 4 - y / 100 + y / 400 + T[m as usize - 1] + d as i32).rem_euclid(7)) as usize
}

fn d_fy(rng: &mut Rng, fy: i32) -> String {
    let (e, k, n) = era_of_fy(fy);
    match rng.below(8) {
        0 | 1 => format!("{}度", kanji_year(k, n)),
        2 => format!("{e}{n}年度"),
        3 => fullwidth(&format!("{e}{n}年度")),
        4 => format!("FY{fy}"),
        5 => format!("{fy}年度"),
        6 => format!("{e}{n}"),
        _ => fullwidth(&format!("{}度", kanji_year(k, n))),
    }
}

fn d_fy_end(rng: &mut Rng, fy: i32) -> String {
    let (e, k, n) = era_of_fy(fy);
    match rng.below(5) {
        0 | 1 => format!("{}度末", kanji_year(k, n)),
        2 => format!("{e}{n}年度末"),
        3 => fullwidth(&format!("{k}{n}年度末")),
        _ => format!("{fy}年度末"),
    }
}

fn d_fy_start(rng: &mut Rng, fy: i32) -> String {
    let (e, k, n) = era_of_fy(fy);
    match rng.below(4) {
        0 | 1 => format!("{}度当初", kanji_year(k, n)),
        2 => format!("{e}{n}年度当初"),
        _ => fullwidth(&format!("{e}{n}年度当初")),
    }
}

fn d_month(rng: &mut Rng, y: i32, m: u32) -> String {
    let (e, k, n) = era_of(y, m, 1);
    match rng.below(7) {
        0 | 1 => format!("{e}{n}.{m}月時点"),
        2 => format!("{}{m}月", kanji_year(k, n)),
        3 => format!("{y}-{m:02}"),
        4 => format!("{e}{n}年{m}月末"),
        5 => format!("{}{m}月時点", kanji_year(k, n)),
        _ => fullwidth(&format!("{e}{n}年{m}月")),
    }
}

fn d_day(rng: &mut Rng, y: i32, m: u32, d: u32) -> String {
    let (e, k, n) = era_of(y, m, d);
    match rng.below(7) {
        0 | 1 => format!("{e}{n}.{m}.{d}"),
        2 => format!("{y}-{m:02}-{d:02}"),
        3 => format!("{}{m}月{d}日", kanji_year(k, n)),
        4 => fullwidth(&format!("{e}{n}年{m}月{d}日")),
        5 => format!("{e}{n}年{m}月{d}日（{}）", WEEKDAYS[weekday(y, m, d)]),
        _ => format!("{}{m}月{d}日現在", kanji_year(k, n)),
    }
}

/// A day in fiscal year `fy` (April to March).
fn day_in_fy(rng: &mut Rng, fy: i32) -> (i32, u32, u32) {
    let m = rng.range(1, 12) as u32;
    let y = if m >= 4 { fy } else { fy + 1 };
    (y, m, rng.range(1, 28) as u32)
}

fn d_fy_range(rng: &mut Rng, a: i32, b: i32) -> String {
    let (ea, ka, na) = era_of_fy(a);
    let (eb, _, nb) = era_of_fy(b);
    match rng.below(6) {
        0 | 1 => format!("{ea}{na}～{eb}{nb}年度"),
        2 => format!("{ea}{na}～{eb}{nb}"),
        3 => format!("{a}～{b}年度"),
        4 => format!("{}度～現在", kanji_year(ka, na)),
        _ => format!("{}度から", kanji_year(ka, na)),
    }
}

fn d_schedule(rng: &mut Rng, fy: i32) -> String {
    match rng.below(9) {
        0 => "通年".into(),
        1 => "未定".into(),
        2 => format!("{}月～", rng.range(4, 12)),
        3 => {
            let a = rng.range(4, 10);
            format!("{a}～{}月", a + rng.range(1, 2))
        }
        4 => format!("{}月", rng.range(4, 12)),
        5 => {
            let (e, _, n) = era_of(fy + 1, 3, 1);
            let end = format!("{e}{n}年3月");
            if rng.chance(0.5) {
                format!("4月～{}", fullwidth(&end))
            } else {
                format!("4月～{end}")
            }
        }
        6 => {
            let (e, _, n) = era_of_fy(fy);
            format!("{e}{n}年度1～3月")
        }
        7 => fullwidth(&format!("{}月～", rng.range(4, 12))),
        _ => "通年".into(),
    }
}

fn month_en(m: u32) -> &'static str {
    MONTH_NAMES[(m as usize + 11) % 12]
}

// ---------------------------------------------------------------------------------------------
// Phrase banks: (Japanese, English). Placeholders, filled per use:
//   {S} 障害 / 障がい / 障碍 (Japanese only)    {P} the place's name    {B} its name without suffix
//   {N} {N2} a small number    {AD} ＡＤ or AD (English: advisor)    {M} a month    {Y} a fiscal year
//   {R} a range of fiscal years    {PREF} the prefecture's name

type Phrase = (&'static str, &'static str);

const ISSUES: &[Phrase] = &[
    ("精神病床における長期入院患者の地域生活移行が進まない。", "The transition to community life of long-term inpatients in psychiatric beds is not progressing."),
    ("地域移行支援（個別給付）の利用が少なく、相談支援事業所の体制が十分でない。", "Community transition support (individual benefit) is little used, and consultation support offices are not adequately staffed."),
    ("精神{S}者を受け入れる住まいが不足しており、貸し主や不動産業者の理解が得られにくい。", "Housing that accepts people with mental disorders is scarce, and it is hard to win the understanding of landlords and estate agents."),
    ("措置入院者の退院後支援について、保健所と市町村の役割分担が明確でない。", "In post-discharge support for people admitted involuntarily by prefectural order, the division of roles between public health centres and municipalities is unclear."),
    ("精神科病院と地域の支援機関との顔の見える関係が築けていない。", "Face-to-face relationships between psychiatric hospitals and community support agencies have not been built."),
    ("協議の場が形骸化しており、具体的な課題の検討に至っていない。", "The consultation forum has become a formality and does not get as far as discussing concrete issues."),
    ("市町村の精神保健相談体制が脆弱で、専門職の配置が少ない。", "Municipal mental health consultation is weak, with few professionals in post."),
    ("ピアサポーターを養成しても活動の場が少なく、継続的な活用につながらない。", "Even when peer supporters are trained, there are few places for them to work, so they are not deployed continuously."),
    ("家族が孤立しやすく、家族会の会員の高齢化が進んでいる。", "Families easily become isolated, and the members of family associations are ageing."),
    ("未治療・治療中断者へのアウトリーチ支援の体制が整っていない。", "There is no system for outreach support to people who are untreated or have interrupted treatment."),
    ("地域住民の精神{S}に対する理解が十分でなく、偏見や差別が残っている。", "Local residents do not understand mental disorders well enough, and prejudice and discrimination remain."),
    ("高齢の長期入院者が多く、介護保険サービスとの連携が必要である。", "Many long-term inpatients are elderly, and cooperation with long-term care insurance services is needed."),
    ("地域移行に関わる職員の人材育成が追いついていない。", "The development of staff involved in community transition is not keeping up."),
    ("ひきこもり状態にある人や、その家族への支援が届いていない。", "Support is not reaching people in hikikomori (prolonged social withdrawal) or their families."),
    ("グループホーム等の社会資源が圏域内で偏在している。", "Social resources such as group homes are unevenly distributed within the area."),
    ("退院後の生活を支える訪問看護や日中活動の場が不足している。", "Home-visit nursing and places for daytime activities that support life after discharge are in short supply."),
    ("保健・医療・福祉のデータが部署ごとに管理され、共有されていない。", "Health, medical and welfare data are managed by each department separately and are not shared."),
    ("入院後1年時点の退院率が全国平均を下回っている。", "The discharge rate one year after admission is below the national average."),
    ("医療保護入院の長期化を防ぐ仕組みが十分でない。", "Mechanisms to keep admissions for medical care and protection from becoming prolonged are insufficient."),
    ("精神科救急や夜間・休日の相談体制が不十分である。", "Psychiatric emergency care and consultation at night and on holidays are inadequate."),
    ("本人の意思決定を支援する取組が関係者の間で共有されていない。", "Work to support the person's own decision-making is not shared among the people concerned."),
    ("自立支援協議会の精神{S}部会と協議の場との関係が整理されていない。", "The relationship between the independence support council's mental disorders subcommittee and the consultation forum has not been sorted out."),
    ("中山間地域や島しょ部ではサービス提供事業所が少なく、移動の負担が大きい。", "In hilly and mountainous districts and on the islands there are few service providers, and travel is a heavy burden."),
    ("退院意欲が低下した長期入院者への働きかけが難しい。", "It is difficult to reach out to long-term inpatients whose wish to be discharged has faded."),
    ("地域包括支援センターとの連携が個人の努力に頼っている。", "Cooperation with community general support centres depends on individual efforts."),
];

const POLICIES: &[Phrase] = &[
    ("{S}保健福祉圏域ごとに協議の場を設置し、地域移行に向けた課題の共有と事例検討を推進する。", "Set up a consultation forum in each disability health and welfare area, and promote the sharing of issues in community transition and case reviews."),
    ("全体会を開催し、進捗管理及び圏域単位の活動の底上げを図る。", "Hold a plenary meeting to manage progress and to raise the level of activities in each area."),
    ("地域移行関係職員研修会を開催し、個々の資質の向上を図る。", "Hold training for staff involved in community transition, to improve each person's skills."),
    ("精神科病院への訪問を定期的に行い、長期入院者の退院意欲の喚起を図る。", "Visit psychiatric hospitals regularly to rekindle long-term inpatients' wish to be discharged."),
    ("ピアサポーターの養成講座を開催し、病院訪問や体験談発表の機会を増やす。", "Run training courses for peer supporters and increase the opportunities for hospital visits and personal experience talks."),
    ("居住支援協議会や宅建協会と連携し、住まいの確保に向けた仕組みをつくる。", "Work with the housing support council and the real-estate transaction association to create a system for securing housing."),
    ("措置入院者の退院後支援計画の作成を徹底し、関係機関による支援会議を開催する。", "Make sure a post-discharge support plan is drawn up for everyone admitted involuntarily by prefectural order, and hold support meetings of the bodies concerned."),
    ("保健所が中心となり、市町村の精神保健相談体制の強化を支援する。", "With the public health centres taking the lead, support the strengthening of municipal mental health consultation."),
    ("家族会と協働し、家族教室や家族による相談会を開催する。", "Work with family associations to hold family classes and consultation sessions run by families."),
    ("多職種によるアウトリーチチームを編成し、未治療・治療中断者への訪問支援を行う。", "Form a multidisciplinary outreach team and visit people who are untreated or have interrupted treatment."),
    ("医療計画、{S}福祉計画、介護保険事業計画に共通する指標を設定し、計画間の整合を図る。", "Set indicators common to the medical care plan, the disability welfare plan and the long-term care insurance plan, and align the plans."),
    ("地域住民を対象とした講演会や出前講座を開催し、普及啓発を進める。", "Hold lectures and outreach seminars for local residents to advance awareness-raising."),
    ("退院支援の事例を蓄積し、圏域内で共有する。", "Accumulate cases of discharge support and share them within the area."),
    ("地域移行支援の個別給付の活用を推進し、相談支援事業所への委託を拡大する。", "Promote the use of community transition support as an individual benefit, and commission more consultation support offices."),
    ("精神保健福祉センターによる技術支援を受け、保健所職員の専門性を高める。", "With technical support from the mental health and welfare centre, raise the expertise of public health centre staff."),
    ("地域包括支援センターや介護支援専門員との合同研修を行う。", "Hold joint training with community general support centres and care managers."),
    ("広域{AD}・密着{AD}の助言を受けながら、協議の場の運営方法を見直す。", "Review how the consultation forum is run, with advice from the wide-area and local advisors."),
    ("精神科病院の退院後生活環境相談員と相談支援専門員の連携会議を開催する。", "Hold liaison meetings of psychiatric hospitals' post-discharge living environment counsellors and consultation support specialists."),
    ("長期入院者の実態調査を行い、結果を協議の場で共有する。", "Survey long-term inpatients and share the results at the consultation forum."),
    ("グループホームの体験利用の仕組みを整える。", "Put in place a scheme for trial stays at group homes."),
];

const ROLE_ADMIN: &[Phrase] = &[
    ("協議の場の設置、参加。啓発。医療との連携が難しい。", "Setting up and taking part in consultation forums. Awareness-raising. Cooperation with medical care is difficult."),
    ("研修会の企画・開催、関係機関の連絡調整。", "Planning and holding training, and coordinating the bodies concerned."),
    ("長期入院者の実態把握とデータの提供。", "Finding out the situation of long-term inpatients and providing data."),
    ("措置入院者の退院後支援計画の作成と支援会議の開催。", "Drawing up post-discharge support plans for people admitted involuntarily by prefectural order and holding support meetings."),
    ("市町村への技術的支援と助言。", "Technical support and advice to municipalities."),
    ("予算の確保と事業の進捗管理。", "Securing the budget and managing the project's progress."),
    ("住民向けの普及啓発と相談窓口の周知。", "Awareness-raising for residents and publicising where to seek advice."),
    ("ピアサポーターの養成と活動の場の確保。", "Training peer supporters and securing places for them to work."),
];
const ROLE_MEDICAL: &[Phrase] = &[
    ("長期入院者の退院意欲の喚起と退院支援委員会の開催。", "Rekindling long-term inpatients' wish to be discharged, and holding discharge support committees."),
    ("退院後生活環境相談員による地域の支援者との連携。", "Cooperation with community supporters through post-discharge living environment counsellors."),
    ("長期入院者を送り出す不安がある。地域の取組みやサービスが分かりづらい。", "There is anxiety about sending long-term inpatients out. Community initiatives and services are hard to understand."),
    ("病棟へのピアサポーターの受入れ。", "Accepting peer supporters on the wards."),
    ("訪問看護やデイケアによる退院後の支援。", "Post-discharge support through home-visit nursing and day care."),
    ("協議の場への参加と地域課題の提供。", "Taking part in the consultation forum and bringing regional issues to it."),
    ("措置入院者の退院後支援計画への協力。", "Cooperating with post-discharge support plans for people admitted involuntarily by prefectural order."),
];
const ROLE_PROVIDERS: &[Phrase] = &[
    ("事業所数が少なく、サービス量に限界がある。医療機関への敷居が高い。", "There are few service offices, and the volume of services is limited. Medical institutions are hard to approach."),
    ("地域移行支援・地域定着支援の実施。", "Providing community transition support and community settlement support."),
    ("病院への訪問と本人との関係づくり。", "Visiting hospitals and building a relationship with the person."),
    ("退院後の生活を支えるサービス等利用計画の作成。", "Drawing up service use plans that support life after discharge."),
    ("グループホームや日中活動の場の提供。", "Providing group homes and places for daytime activities."),
    ("ピアサポーターの雇用と活動支援。", "Employing peer supporters and supporting their activities."),
];
const ROLE_RESIDENTS: &[Phrase] = &[
    ("退院後、どう対応してよいか分からない。", "They do not know how to respond after discharge."),
    ("家族会による家族相談と交流の場づくり。", "Family consultation and places for families to meet, run by family associations."),
    ("民生委員による見守りと地域での声かけ。", "Community welfare volunteers watching over people and speaking to them in the neighbourhood."),
    ("不動産業者による物件情報の提供。", "Estate agents providing information on properties."),
    ("当事者によるピアサポート活動への参加。", "People with lived experience taking part in peer support activities."),
    ("地域の行事への参加を通じた理解の促進。", "Promoting understanding through taking part in local events."),
];

const STRENGTHS: &[Phrase] = &[
    ("県全体及び{S}保健福祉圏域ごとに協議の場を通じて、関係機関と顔の見える関係を構築している。", "Through consultation forums for the prefecture as a whole and for each disability health and welfare area, we have built face-to-face relationships with the bodies concerned."),
    ("保健所が中心となって、医療・福祉・介護の関係者が集まる仕組みが定着している。", "A mechanism that brings medical, welfare and long-term care stakeholders together, with the public health centres at its centre, has taken root."),
    ("ピアサポーターの活動実績があり、病院からの依頼が増えている。", "Peer supporters have a track record of activity, and requests from hospitals are increasing."),
    ("精神科病院の協力が得られやすく、院内の退院支援委員会に地域の支援者が参加している。", "Psychiatric hospitals readily cooperate, and community supporters take part in the hospitals' discharge support committees."),
    ("家族会の活動が活発で、行政との協働の実績がある。", "Family associations are active and have a record of working with the administration."),
    ("精神保健福祉センターによる人材育成の仕組みが整っている。", "The mental health and welfare centre has a well-developed system for developing staff."),
    ("圏域と市町村の重層的な協議の場が機能している。", "Layered consultation forums at area and municipal level are working."),
    ("医療計画と{S}福祉計画で共通の指標を用いて進捗を管理している。", "Progress is managed with indicators common to the medical care plan and the disability welfare plan."),
    ("相談支援事業所の数が多く、地域移行支援の経験が蓄積されている。", "There are many consultation support offices, and experience of community transition support has accumulated."),
    ("居住支援協議会が設置され、不動産業者との連携が進んでいる。", "A housing support council has been set up, and cooperation with estate agents is progressing."),
    ("市町村の保健師が精神保健相談に積極的に関わっている。", "Municipal public health nurses are actively involved in mental health consultation."),
    ("アウトリーチ支援の実績があり、多職種チームのノウハウがある。", "There is a record of outreach support and know-how in multidisciplinary teams."),
];

const EFFECTS: &[Phrase] = &[
    ("長期入院者の地域移行の推進", "Promoting the community transition of long-term inpatients"),
    ("新規入院者が新たな長期入院者とならないようにする", "Preventing new admissions from becoming new long-term inpatients"),
    ("退院率は前年度に比べて上がっている。", "The discharge rate has risen compared with the previous fiscal year."),
    ("協議の場を通じて関係機関の役割分担が明確になった。", "Through the consultation forum, the division of roles among the bodies concerned became clear."),
    ("地域移行支援の利用者が{N}名増加した。", "Users of community transition support increased by {N}."),
    ("ピアサポーターによる病院訪問が定例化した。", "Hospital visits by peer supporters became a regular fixture."),
    ("保健所と市町村の連携が強化された。", "Cooperation between public health centres and municipalities was strengthened."),
    ("住まいの確保に協力する不動産業者が増えた。", "More estate agents cooperate in securing housing."),
    ("措置入院者の退院後支援計画の作成率が向上した。", "A post-discharge support plan is now drawn up for a larger share of people admitted involuntarily by prefectural order."),
    ("家族からの相談件数が増え、早期の支援につながった。", "Consultations from families increased, leading to earlier support."),
    ("65歳未満の長期在院者数は減少している。", "The number of long-stay inpatients under 65 is decreasing."),
    ("研修受講者が各機関で中心的な役割を担うようになった。", "People who took the training have come to play central roles in their organisations."),
    ("地域住民の理解が深まり、地域の行事にピアサポーターが招かれるようになった。", "Local residents' understanding deepened, and peer supporters are now invited to local events."),
    ("未治療者の早期発見と医療への接続が進んだ。", "Untreated people are found earlier and connected to medical care."),
    ("市町村ごとの協議の場の設置が{N}市町村で完了した。", "Consultation forums have been set up in {N} municipalities."),
];

const GOALS: &[Phrase] = &[
    ("圏域ごとの協議の場で顔の見える関係を構築し、地域移行の課題を共有する。", "Build face-to-face relationships in each area's consultation forum and share the issues in community transition."),
    ("措置入院となった者が地域で安心して暮らし続けられるよう、退院後の支援を実施する。", "Provide post-discharge support so that people admitted involuntarily by prefectural order can go on living in the community with peace of mind."),
    ("ピアサポーターの活動の場を広げる。", "Widen the places where peer supporters work."),
    ("全市町村に協議の場を設置する。", "Set up a consultation forum in every municipality."),
    ("長期入院者{N}名の退院を支援する。", "Support the discharge of {N} long-term inpatients."),
    ("住まいの確保に向けた関係機関のネットワークをつくる。", "Create a network of the bodies concerned for securing housing."),
    ("家族支援の仕組みを市町村に広げる。", "Extend the family support system to the municipalities."),
    ("地域移行関係職員研修を年{N}回開催する。", "Hold training for community-transition staff {N} times a year."),
    ("アウトリーチ支援の対象者を明確にし、支援の流れを整理する。", "Clarify who outreach support is for and organise the flow of support."),
    ("精神保健相談の窓口を住民に周知する。", "Make residents aware of where to seek mental health advice."),
];

const SCHEDULE_ITEMS: &[Phrase] = &[
    ("事業実施", "Implementing the projects"),
    ("研修実施に向けた検討", "Preparing to carry out training"),
    ("協議の場の開催", "Holding the consultation forum"),
    ("研修会の開催", "Holding training"),
    ("ピアサポーター養成講座", "Peer supporter training course"),
    ("実態調査", "Survey of the current situation"),
    ("普及啓発", "Awareness-raising"),
    ("事業評価", "Evaluating the project"),
    ("病院訪問", "Hospital visits"),
    ("家族教室", "Family classes"),
    ("支援会議", "Support meetings"),
    ("次年度計画の策定", "Drawing up next year's plan"),
];

const SCHEDULE_CONTENT: &[Phrase] = &[
    ("措置入院者退院後支援事業の実施", "Implementing the post-discharge support project for people admitted involuntarily by prefectural order"),
    ("圏域ごとの協議会の設置、活動開始（年{N}回程度）", "Setting up a council in each area and starting its activities (about {N} times a year)"),
    ("関係機関と連携しながら、ピアサポート研修の実施について検討", "Working with the bodies concerned, considering carrying out peer support training"),
    ("保健所等を対象とした退院後支援研修会の実施", "Holding post-discharge support training for public health centres and others"),
    ("長期入院者の実態調査（{M}時点）の実施と集計", "Carrying out and tallying a survey of long-term inpatients (as of {M})"),
    ("協議の場の開催（第{N}回）", "Holding the consultation forum (meeting no. {N})"),
    ("住民向け講演会の開催", "Holding a lecture for residents"),
    ("ピアサポーター養成講座（全{N}回）の開催", "Holding the peer supporter training course ({N} sessions in all)"),
    ("精神科病院への訪問と院内説明会", "Visiting psychiatric hospitals and holding briefings in the hospitals"),
    ("事業の評価と次年度計画の検討", "Evaluating the project and considering next year's plan"),
    ("家族教室の開催（年{N}回）", "Holding family classes ({N} times a year)"),
    ("市町村担当者会議の開催", "Holding a meeting of the municipal staff in charge"),
    ("広域{AD}による現地支援", "On-site support by the wide-area advisor"),
    ("事例検討会の開催", "Holding case review meetings"),
    ("リーフレットの作成・配布", "Making and distributing a leaflet"),
];

const PROGRAMMES: &[Phrase] = &[
    ("精神{S}者地域移行・地域定着支援事業", "Community transition and settlement support project for people with mental disorders"),
    ("精神{S}者地域移行支援特別対策事業", "Special measures project for community transition support of people with mental disorders"),
    ("地域移行支援アドバイザー派遣事業", "Project dispatching community transition support advisors"),
    ("高齢入院者地域移行支援事業", "Community transition support project for elderly inpatients"),
    ("措置入院者退院後支援事業", "Post-discharge support project for people admitted involuntarily by prefectural order"),
    ("地域体制整備コーディネーター配置事業", "Project placing community system-development coordinators"),
    ("ピアサポーター養成事業", "Peer supporter training project"),
    ("精神{S}にも対応した地域包括ケアシステム構築推進事業", "Promotion project for a community-based integrated care system that also serves people with mental disorders"),
    ("精神{S}にも対応した地域包括ケアシステム構築支援事業", "System-building support project for a community-based integrated care system that also serves people with mental disorders"),
    ("アウトリーチ支援事業", "Outreach support project"),
    ("精神科救急医療体制整備事業", "Psychiatric emergency care system development project"),
    ("家族支援事業", "Family support project"),
    ("居住支援体制整備事業", "Housing support system development project"),
    ("地域移行関係職員研修事業", "Training project for community-transition staff"),
    ("ひきこもり地域支援センター運営事業", "Project running the regional hikikomori support centre"),
    ("精神保健福祉相談事業", "Mental health and welfare consultation project"),
    ("長期入院者退院促進事業", "Project promoting the discharge of long-term inpatients"),
    ("自殺対策推進事業", "Suicide prevention promotion project"),
    ("地域生活支援拠点等整備事業", "Project developing community life support hubs"),
];

const TRAININGS: &[Phrase] = &[
    ("長期入院精神{S}者の地域移行推進研修会", "Training on promoting the community transition of long-term inpatients with mental disorders"),
    ("精神{S}者地域移行・地域定着推進研修会", "Training on promoting community transition and community settlement of people with mental disorders"),
    ("地域移行関係職員研修会", "Training for community-transition staff"),
    ("ピアサポーター養成講座", "Peer supporter training course"),
    ("措置入院者退院後支援人材育成研修会", "Training to develop staff for post-discharge support of people admitted involuntarily by prefectural order"),
    ("精神{S}者地域移行ファシリテーター研修会", "Training for community-transition facilitators for people with mental disorders"),
    ("多職種連携研修会", "Multidisciplinary cooperation training"),
    ("家族支援者研修会", "Training for family supporters"),
    ("住まいの確保に関する研修会", "Training on securing housing"),
    ("アウトリーチ支援従事者研修", "Training for outreach support workers"),
    ("市町村精神保健担当者研修", "Training for municipal mental health staff"),
    ("精神保健福祉講演会", "Mental health and welfare lecture"),
    ("事例検討会", "Case review meeting"),
    ("退院後生活環境相談員研修", "Training for post-discharge living environment counsellors"),
];

const VENUES: &[Phrase] = &[
    ("{B}保健所", "{B} Public Health Centre"),
    ("県庁", "Prefectural Government Office"),
    ("{B}福祉センター", "{B} Welfare Centre"),
    ("{B}市民会館", "{B} Civic Hall"),
    ("精神保健福祉センター", "Mental health and welfare centre"),
    ("オンライン開催", "Online"),
    ("{B}総合保健センター", "{B} General Health Centre"),
    ("{B}文化会館", "{B} Cultural Hall"),
];

const ADVISOR: &[Phrase] = &[
    (
        "地域移行推進事業 第{N}回戦略会議",
        "Community transition promotion project: strategy meeting no. {N}",
    ),
    (
        "協議の場への参加と助言",
        "Taking part in and advising the consultation forum",
    ),
    (
        "精神科病院との意見交換会",
        "Exchange of views with psychiatric hospitals",
    ),
    (
        "圏域会議での講義「地域移行の進め方」",
        "Lecture at the area meeting, \"How to advance community transition\"",
    ),
    ("事例検討会での助言", "Advice at a case review meeting"),
    (
        "市町村担当者との打ち合わせ",
        "Meeting with the municipal staff in charge",
    ),
    (
        "ピアサポーター養成講座の講師",
        "Lecturing at the peer supporter training course",
    ),
];

const OUTCOME_RESULTS: &[Phrase] = &[
    ("経験のある広域{AD}から具体的な助言を受けたことにより、事業をスムーズに進めることができた。", "Concrete advice from an experienced wide-area advisor let us carry the project forward smoothly."),
    ("毎月開催した協議の場において、密着{AD}が進め方について助言し、関係機関の理解が深まった。", "At the consultation forum held every month, the local advisor advised on how to proceed, and the bodies concerned came to understand the work better."),
    ("他県の取組を知ることで、自県の課題を客観的に捉えることができた。", "Learning about other prefectures' work let us see our own issues objectively."),
    ("精神科病院と相談支援事業所の連携が深まり、退院支援の件数が増えた。", "Cooperation between psychiatric hospitals and consultation support offices deepened, and cases of discharge support increased."),
    ("ピアサポーターの活用について、関係機関の共通認識が得られた。", "The bodies concerned reached a common understanding on deploying peer supporters."),
    ("協議の場の目的と役割を再確認し、年間計画を立てることができた。", "We reconfirmed the purpose and role of the consultation forum and drew up an annual plan."),
    ("全国会議での報告を通じて、取組の成果を振り返ることができた。", "Reporting at the national meeting let us look back on what the work had achieved."),
    ("保健所と市町村が一緒に地域課題を整理する機会となった。", "It gave public health centres and municipalities an opportunity to sort out regional issues together."),
];

const AREA_FORUMS: &[Phrase] = &[
    ("{B}において、{M}から毎月1回開催（密着{AD}、相談支援事業所、ピアサポーター、精神科病院、市町村、保健所が参加）", "Held once a month in {B} from {M}, attended by the local advisor, consultation support offices, peer supporters, psychiatric hospitals, municipalities and the public health centre"),
    ("相談支援事業所から事業の進捗状況を報告し、課題について具体的に検討", "Consultation support offices report on the project's progress, and the issues are discussed concretely"),
    ("年{N}回開催し、長期入院者の個別事例について検討", "Held {N} times a year to discuss individual cases of long-term inpatients"),
    ("保健所主催の圏域会議として、市町村・病院・事業所が参加", "Held as an area meeting hosted by the public health centre, attended by municipalities, hospitals and service offices"),
    ("自立支援協議会の精神{S}部会と合同で開催", "Held jointly with the independence support council's mental disorders subcommittee"),
];

const AREA_ACTIVITIES: &[Phrase] = &[
    ("突発的に発生した問題について、個別に広域{AD}・密着{AD}に相談し、解決を図った。", "Problems that arose unexpectedly were taken individually to the wide-area and local advisors and resolved."),
    ("精神科病院の病棟でピアサポーターによる体験談発表を{N}回実施した。", "Peer supporters gave personal experience talks on psychiatric hospital wards {N} times."),
    ("長期入院者の実態調査を行い、退院可能な人を把握した。", "A survey of long-term inpatients identified people who could be discharged."),
    ("グループホームの体験利用を{N}名が行った。", "{N} people made trial stays at group homes."),
    ("関係機関向けのリーフレットを作成した。", "A leaflet for the bodies concerned was produced."),
    ("病院職員と地域の支援者が合同で事例検討を行った。", "Hospital staff and community supporters reviewed cases together."),
];

const NEXT_POLICY: &[Phrase] = &[
    ("モデル圏域以外の圏域において、ピアサポーター養成講座を実施", "Run the peer supporter training course in areas other than the model area"),
    ("指定一般相談支援事業所に委託し、ピアサポーターを活用した地域移行支援事業を実施", "Commission designated general consultation support offices to run a community transition support project using peer supporters"),
    ("県内の全圏域において協議の場を定期的に開催し、目標値の設定及び具体策の検討を実施", "Hold the consultation forum regularly in every area of the prefecture, set target values and consider concrete measures"),
    ("市町村ごとの協議の場の設置を支援する", "Support the setting up of a consultation forum in each municipality"),
    ("措置入院者の退院後支援の手引きを改訂する", "Revise the guide to post-discharge support for people admitted involuntarily by prefectural order"),
    ("住まいの確保に向けて居住支援協議会との連携を強化する", "Strengthen cooperation with the housing support council to secure housing"),
    ("家族会と協働した家族支援プログラムを試行する", "Pilot a family support programme run with family associations"),
];

const DISCHARGE_NOTES: &[Phrase] = &[
    ("地域移行支援の個別給付申請の人数（ほかに申請検討中{N}名）", "The count is of applications for community transition support as an individual benefit (a further {N} people were considering applying)."),
    ("退院した者のうち{N}名はグループホームに入居", "Of those discharged, {N} moved into group homes."),
    ("集計は速報値", "Preliminary figures."),
];

const HISTORY_NOTES: &[Phrase] = &[
    ("※実施主体：{P}（一部事業は{B}精神科協会に委託して実施）", "※ Implementing body: {P} (some projects are carried out under contract by the {B} Psychiatric Association)."),
    ("※研修会の企画にあたっては、精神科病院や相談支援事業所のPSW・看護師で企画委員会を設置している。", "※ To plan the training, a planning committee of PSWs and nurses from psychiatric hospitals and consultation support offices has been set up."),
    ("※年度は事業開始年度を示す。", "※ Fiscal years show the year each project began."),
];

const HISTORY_HEADINGS: &[Phrase] = &[
    (
        "ピアサポーターの養成と活用",
        "Training and deploying peer supporters",
    ),
    (
        "地域移行支援の推進",
        "Promoting community transition support",
    ),
    ("協議の場の設置", "Setting up consultation forums"),
    ("人材育成", "Developing people and skills"),
    (
        "措置入院者の退院後支援",
        "Post-discharge support after involuntary admission",
    ),
];

const HISTORY_EVENTS: &[Phrase] = &[
    (
        "ピアサポーター養成講座を開催",
        "Peer supporter training course held",
    ),
    (
        "ピアサポーターを精神科病院に派遣し、体験談発表を実施",
        "Peer supporters sent to psychiatric hospitals to give personal experience talks",
    ),
    (
        "保健・医療・福祉関係者の協議の場を設置",
        "Consultation forum of health, medical and welfare stakeholders set up",
    ),
    (
        "地域移行支援事業をモデル圏域で開始",
        "Community transition support project started in the model area",
    ),
    (
        "退院後支援の手引書を作成",
        "Manual for post-discharge support produced",
    ),
    (
        "長期入院者の実態調査を実施",
        "Survey of long-term inpatients carried out",
    ),
    (
        "地域移行関係職員研修会を開催",
        "Training for community-transition staff held",
    ),
];

const OVERVIEW_LINES: &[Phrase] = &[
    ("精神{S}者の地域移行推進のための人材育成として、地域移行支援事業を実施（{R}）。", "As staff development to promote the community transition of people with mental disorders, the community transition support project was carried out ({R})."),
    ("研修企画チームの設置（精神保健福祉士、退院後生活環境相談員等で構成）", "Setting up a training planning team (psychiatric social workers, post-discharge living environment counsellors and others)"),
    ("{S}保健福祉圏域ごとに協議の場を設置し、精神科医療機関、地域サービス事業者、市町村等との連携体制を構築。", "A consultation forum was set up in each disability health and welfare area, building cooperation with psychiatric medical institutions, community service providers, municipalities and others."),
    ("圏域会議の開催（年{N}回程度）", "Holding area meetings (about {N} times a year)"),
    ("全体会議の開催（年1回）", "Holding a plenary meeting (once a year)"),
    ("平成30年度の試行事業を踏まえた手引書を作成し、令和元年度から本格的に実施", "A manual was produced based on the FY2018 pilot project, and the project has been fully implemented since FY2019"),
    ("精神保健福祉センターに専門相談員を設置し、保健所職員の業務を支援", "Specialist counsellors placed at the mental health and welfare centre support the work of public health centre staff"),
    ("ピアサポーターを養成し、病院訪問や茶話会を通じて長期入院者との交流を図る", "Peer supporters are trained and meet long-term inpatients through hospital visits and tea gatherings"),
    ("家族会と連携した家族教室を各保健所で開催", "Family classes are held at each public health centre together with family associations"),
];

/// Organisations of the overview: name, actor id (or none), what they do.
const ORGS: &[(Phrase, Option<&str>, &[Phrase])] = &[
    (
        ("{S}福祉課", "Disability Welfare Division"),
        Some("prefectural-government"),
        &[
            ("事業の企画・予算化", "Planning and budgeting the projects"),
            ("全体会議の開催", "Holding the plenary meeting"),
            ("圏域への情報提供", "Providing information to the areas"),
        ],
    ),
    (
        ("保健所", "Public health centres"),
        Some("public-health-centre"),
        &[
            (
                "圏域の協議の場の事務局",
                "Secretariat of the area consultation forum",
            ),
            ("市町村への技術支援", "Technical support to municipalities"),
            (
                "措置入院者の退院後支援計画の作成",
                "Drawing up post-discharge support plans after involuntary admission",
            ),
        ],
    ),
    (
        ("精神科病院", "Psychiatric hospitals"),
        Some("psychiatric-hospital"),
        &[
            (
                "退院支援委員会の開催",
                "Holding discharge support committees",
            ),
            ("ピアサポーターの受入れ", "Accepting peer supporters"),
            (
                "地域の支援者との情報共有",
                "Sharing information with community supporters",
            ),
        ],
    ),
    (
        ("相談支援事業所", "Consultation support offices"),
        Some("consultation-support-office"),
        &[
            (
                "地域移行支援・地域定着支援",
                "Community transition and settlement support",
            ),
            ("病院訪問と面接", "Hospital visits and interviews"),
            ("サービス等利用計画の作成", "Drawing up service use plans"),
        ],
    ),
    (
        ("ピアサポーター", "Peer supporters"),
        Some("peer-supporter"),
        &[
            ("体験談発表", "Personal experience talks"),
            ("病棟訪問と同行支援", "Ward visits and accompanying people"),
        ],
    ),
    (
        ("精神保健福祉センター", "Mental health and welfare centre"),
        Some("mhw-centre"),
        &[
            (
                "研修の企画と講師派遣",
                "Planning training and sending lecturers",
            ),
            (
                "専門相談員による保健所支援",
                "Supporting public health centres through specialist counsellors",
            ),
        ],
    ),
    (
        ("市町村", "Municipalities"),
        None,
        &[
            ("精神保健相談", "Mental health consultation"),
            ("協議の場への参加", "Taking part in the consultation forum"),
            ("住民への普及啓発", "Awareness-raising for residents"),
        ],
    ),
    (
        ("家族会", "Family associations"),
        None,
        &[
            ("家族相談", "Family consultation"),
            ("家族教室の共催", "Co-hosting family classes"),
        ],
    ),
];

const LINK_LABELS: &[Phrase] = &[
    ("委託", "Commission"),
    ("連携", "Cooperation"),
    ("報告", "Report"),
    ("技術支援", "Technical support"),
    ("派遣", "Dispatch"),
    ("相談", "Consultation"),
];

const BASIC_HEADINGS: &[Phrase] = &[
    (
        "人材育成の取り組み",
        "Initiatives for developing people and skills",
    ),
    (
        "精神{S}者の地域移行のこれまでの取り組み",
        "Past initiatives for the community transition of people with mental disorders",
    ),
    (
        "保健・医療・福祉関係者の協議の場",
        "Consultation forums of health, medical and welfare stakeholders",
    ),
    ("普及啓発の取り組み", "Awareness-raising initiatives"),
    (
        "住まいの確保に関する取り組み",
        "Initiatives on securing housing",
    ),
];

const FORUM_NAMES: &[Phrase] = &[
    ("{P}自立支援協議会精神{S}者支援部会", "{P} Independence Support Council: subcommittee on support for people with mental disorders"),
    ("{P}精神保健医療福祉関係者連携会議", "{P} Liaison Meeting of Mental Health, Medical and Welfare Stakeholders"),
    ("{P}地域包括ケアシステム構築推進会議", "{P} Council for Promoting Community-Based Integrated Care"),
    ("{B}圏域地域移行推進会議", "{B} Area Community Transition Promotion Meeting"),
    ("{P}精神{S}にも対応した地域包括ケアシステム連携会議", "{P} Liaison Meeting on Community-Based Integrated Care That Also Serves People with Mental Disorders"),
    ("各圏域地域移行関係協議の場", "Consultation forums on community transition in each area"),
];

const SECRETARIATS: &[Phrase] = &[
    (
        "{P}保健福祉部{S}福祉課",
        "Disability Welfare Division, Health and Welfare Department, {P}",
    ),
    ("{B}保健所", "{B} Public Health Centre"),
    (
        "{PREF}精神保健福祉センター",
        "{PREF} Mental Health and Welfare Centre",
    ),
    (
        "{B}基幹相談支援センター",
        "{B} Core Consultation Support Centre",
    ),
];

const MEMBERS: &[Phrase] = &[
    ("精神科病院", "Psychiatric hospitals"),
    ("医療機関", "Medical institutions"),
    ("相談支援事業所", "Consultation support offices"),
    ("保健所", "Public health centre"),
    ("市町村", "Municipalities"),
    ("家族会", "Family associations"),
    ("当事者", "People with lived experience"),
    ("ピアサポーター", "Peer supporters"),
    ("地域包括支援センター", "Community general support centres"),
    ("訪問看護ステーション", "Home-visit nursing stations"),
    ("社会福祉協議会", "Council of social welfare"),
    ("宅建協会", "Real-estate transaction association"),
    ("民生委員", "Community welfare volunteers"),
    ("警察", "Police"),
    ("法曹関係者", "Legal professionals"),
    ("精神保健福祉センター", "Mental health and welfare centre"),
    ("居住支援法人", "Housing support corporations"),
    (
        "{S}福祉サービス事業所",
        "Disability welfare service providers",
    ),
    ("医師会", "Medical association"),
    ("薬剤師会", "Pharmacists' association"),
];

const KEYWORDS: &[Phrase] = &[
    ("専門分科会", "Specialist subcommittees"),
    ("多機関による支援チーム", "Multi-agency support teams"),
    ("若年層への普及啓発", "Awareness-raising among young people"),
    ("家族教室", "Family classes"),
    ("住まいの確保", "Securing housing"),
    ("居住支援協議会", "Housing support council"),
    ("ピアサポーター", "Peer supporters"),
    ("体験談発表", "Personal experience talks"),
    ("アウトリーチ", "Outreach"),
    ("多職種チーム", "Multidisciplinary teams"),
    ("研修体系", "Training framework"),
    ("長期入院者の実態調査", "Survey of long-term inpatients"),
    ("退院意欲の喚起", "Rekindling the wish to be discharged"),
    ("評価指標", "Evaluation indicators"),
    ("協議の場", "Consultation forum"),
    (
        "措置入院者の退院後支援",
        "Post-discharge support after involuntary admission",
    ),
    ("地域定着", "Community settlement"),
    ("意思決定支援", "Decision-making support"),
    ("ひきこもり", "Hikikomori"),
    ("精神保健福祉士", "Psychiatric social workers"),
    ("保健師", "Public health nurses"),
    ("訪問看護", "Home-visit nursing"),
    ("グループホーム", "Group homes"),
    ("地域生活支援拠点", "Community life support hubs"),
    (
        "当事者参画",
        "Participation of people with lived experience",
    ),
    ("普及啓発", "Awareness-raising"),
    ("精神科救急", "Psychiatric emergency care"),
    ("家族会", "Family associations"),
    ("顔の見える関係", "Face-to-face relationships"),
    ("地域包括支援センター", "Community general support centres"),
];

const APPEAL: &[Phrase] = &[
    ("医療、福祉等各関係機関の担当者と行政の「顔の見える関係」が築かれている。", "Staff of the medical, welfare and other bodies and the administration have built \"face-to-face relationships\"."),
    ("検討・審議が中心の連携会議と、実働中心の分科会に分かれ、会議の2層化を図った。", "The meetings were split into two tiers: a liaison meeting for review and deliberation and subcommittees for hands-on work."),
    ("当事者・家族が企画段階から参画している。", "People with lived experience and families take part from the planning stage."),
    ("既存の会議を整理・統合し、協議の場として位置づけた。", "Existing meetings were sorted out, merged and made the consultation forum."),
    ("保健所と市町村が役割を分担し、重層的な支援体制を構築した。", "Public health centres and municipalities divided the roles and built a layered support system."),
    ("ピアサポーターを会計年度任用職員として雇用している。", "Peer supporters are employed as fiscal-year appointed staff."),
    ("不動産業者向けの相談窓口を設置した。", "A consultation desk for estate agents was set up."),
    ("評価指標を設定し、PDCAサイクルで事業を見直している。", "Evaluation indicators are set, and the project is reviewed in a PDCA cycle."),
    ("病院と地域の支援者が合同で研修を受ける仕組みがある。", "Hospital staff and community supporters take training together."),
    ("精神保健福祉センターが市町村への技術支援を担っている。", "The mental health and welfare centre provides technical support to municipalities."),
];

/// Case titles by category.
fn case_titles(category: &str) -> &'static [Phrase] {
    match category {
        "awareness" => &[
            ("{P}精神{S}にも対応した地域包括ケア構築推進事業", "{P} Project to Promote Building Community-Based Integrated Care That Also Serves People with Mental Disorders"),
            ("地域住民への普及啓発事業", "Awareness-raising project for local residents"),
            ("こころの健康出前講座", "Mental health outreach seminars"),
        ],
        "family-support" => &[
            ("家族による家族支援事業", "Family-to-family support project"),
            ("家族教室と家族相談の充実", "Enhancing family classes and family consultation"),
        ],
        "housing" => &[
            ("住まいの確保支援事業", "Housing support project"),
            ("居住支援協議会と連携した入居支援", "Tenancy support with the housing support council"),
        ],
        "peer-support" => &[
            ("ピアサポーター養成・活用事業", "Peer supporter training and deployment project"),
            ("ピアサポーターによる病院訪問", "Hospital visits by peer supporters"),
        ],
        "outreach" => &[
            ("多職種アウトリーチ支援事業", "Multidisciplinary outreach support project"),
            ("未治療・治療中断者への訪問支援", "Home visits to people who are untreated or have interrupted treatment"),
        ],
        "staff-training" => &[
            ("地域移行関係職員研修事業", "Training project for community-transition staff"),
            ("圏域ごとの人材育成研修", "Staff development training in each area"),
        ],
        "inpatient-transition" => &[
            ("長期入院者の地域移行推進事業", "Project to promote the community transition of long-term inpatients"),
            ("退院意欲喚起のための病院訪問", "Hospital visits to rekindle the wish to be discharged"),
        ],
        _ => &[
            ("構築状況の評価と指標の活用", "Evaluating the system's development and using indicators"),
            ("協議の場による事業評価", "Evaluating the project through the consultation forum"),
        ],
    }
}

fn category_theme(category: &str) -> &'static str {
    match category {
        "awareness" => "awareness",
        "family-support" => "family-support",
        "housing" => "housing",
        "peer-support" => "peer-support",
        "outreach" => "outreach",
        "staff-training" => "human-resources",
        "inpatient-transition" => "community-transition",
        _ => "system-development",
    }
}

fn category_name(category: &str) -> Phrase {
    match category {
        "awareness" => ("普及啓発", "awareness-raising"),
        "family-support" => ("家族支援", "family support"),
        "housing" => ("住まいの確保支援", "housing support"),
        "peer-support" => ("ピアサポートの活用", "peer support"),
        "outreach" => ("アウトリーチ支援", "outreach"),
        "staff-training" => (
            "地域移行関係職員に対する研修",
            "training for community-transition staff",
        ),
        "inpatient-transition" => (
            "入院中の精神{S}者の地域移行",
            "community transition of inpatients",
        ),
        _ => ("構築状況の評価", "evaluating the system's development"),
    }
}

const CASE_ACTIVITIES: &[Phrase] = &[
    ("相談支援事業所、訪問看護、地域包括支援センター、行政機関等による支援チームを結成し、病院の対象者からニーズを聞き取った。", "A support team of consultation support offices, home-visit nursing, community general support centres and administrative bodies was formed and heard the needs of eligible inpatients."),
    ("公民館と共催で住民向け研修会を開催した。", "Training sessions for residents were held jointly with community centres."),
    ("小・中・高校および大学と連携して、若年層への理解促進を図るプロジェクトを展開している。", "A project to promote understanding among young people is being run with schools and universities."),
    ("ピアサポーター交流会や、養成講座を視野に入れたプレ研修会を実施した。", "Get-togethers for peer supporters and a preliminary training session with a view to a training course were held."),
    ("家族会の役員が家族相談員として、月{N}回の相談会を開いている。", "Family association officers serve as family consultants and hold consultation sessions {N} times a month."),
    ("不動産業者を対象に、精神{S}の理解を深める勉強会を開いた。", "Study sessions to deepen estate agents' understanding of mental disorders were held."),
    ("保健所の保健師と精神保健福祉士が同行訪問を行った。", "Public health nurses and psychiatric social workers from the public health centre made joint home visits."),
    ("長期入院者への個別面接を行い、退院に向けた意向を確認した。", "Long-term inpatients were interviewed individually to confirm their wishes about discharge."),
    ("研修の企画委員会を設置し、病院と地域の職員が共に学ぶ研修体系をつくった。", "A training planning committee created a training framework in which hospital and community staff learn together."),
    ("評価シートを作成し、協議の場で年{N}回、構築状況を点検した。", "An evaluation sheet was produced, and the state of the system was checked at the consultation forum {N} times a year."),
    ("グループホームの体験利用の費用を助成した。", "The cost of trial stays at group homes was subsidised."),
    ("夜間・休日の電話相談窓口を開設した。", "A telephone line for advice at night and on holidays was opened."),
];

const SYSTEM_BUILDING: &[Phrase] = &[
    ("各取組とも、前年度の反省点を踏まえ、工夫しながら取り組んでいる。", "Each initiative builds on the lessons of the previous year and keeps refining its approach."),
    ("協議の場の下に作業部会を置き、具体的な検討を行う体制とした。", "Working groups under the consultation forum carry out the concrete discussions."),
    ("保健所が事務局を担い、市町村の担当者会議と連動させた。", "The public health centre acts as secretariat and links the forum with the meeting of municipal staff."),
    ("事業の委託先を公募し、圏域ごとに拠点となる事業所を定めた。", "Contractors were openly recruited, and a hub office was designated in each area."),
    ("精神科病院の院長会議で事業の説明を行い、協力を得た。", "The project was explained at the meeting of psychiatric hospital directors, who agreed to cooperate."),
    ("当事者と家族を委員に加えた。", "People with lived experience and family members were added as members."),
];

const SYSTEM_ISSUES: &[Phrase] = &[
    (
        "自立支援協議会と当該協議会との連携体制の構築",
        "Building cooperation between the independence support council and this council",
    ),
    (
        "保健所と市町村の役割分担の明確化",
        "Clarifying the division of roles between public health centres and municipalities",
    ),
    (
        "医療と福祉の情報共有の仕組みがない。",
        "There is no mechanism for sharing information between medical care and welfare.",
    ),
    (
        "担当者の異動により取組が継続しにくい。",
        "Staff transfers make it hard to keep the work going.",
    ),
    (
        "圏域を越えた入院が多く、調整が難しい。",
        "Many admissions are outside the area, which makes coordination difficult.",
    ),
];

const PERSONS: &[Phrase] = &[
    ("Aさん（50代男性）", "Mr A (a man in his 50s)"),
    ("Bさん（40代女性）", "Ms B (a woman in her 40s)"),
    ("Cさん（60代男性）", "Mr C (a man in his 60s)"),
    ("Dさん（30代女性）", "Ms D (a woman in her 30s)"),
    ("Eさん（70代女性）", "Ms E (a woman in her 70s)"),
];
const CONDITIONS: &[Phrase] = &[
    ("統合失調症", "Schizophrenia"),
    ("双極性{S}", "Bipolar disorder"),
    ("うつ病", "Depression"),
    ("アルコール依存症", "Alcohol dependence"),
];
const STORY: &[Phrase] = &[
    ("入院期間は{N}年に及び、退院をあきらめていた。", "They had been in hospital for {N} years and had given up on being discharged."),
    ("ピアサポーターの訪問をきっかけに退院への意欲を取り戻した。", "A visit from a peer supporter rekindled their wish to be discharged."),
    ("グループホームの体験利用を経て、{M}に退院した。", "After a trial stay at a group home, they were discharged in {M}."),
    ("現在は就労継続支援B型事業所に通所している。", "They now attend a continuous employment support (type B) office."),
    ("家族の不安が強かったが、家族教室への参加を通じて理解が進んだ。", "The family was very anxious, but came to understand through taking part in family classes."),
    ("保健所と相談支援事業所が連携し、退院後も定期的な訪問を続けている。", "The public health centre and the consultation support office work together and keep visiting regularly after discharge."),
    ("住居の貸し渋りにあい、退院の時期が延びた。", "Landlords were reluctant to rent to them, and their discharge was delayed."),
];

const POINT1: &[Phrase] = &[
    ("行政内部の組織横断的な連携構築の必要性", "The need to build cooperation across organisational boundaries within the administration"),
    ("行政（縦割）組織が保有するデータの相互活用の必要性", "The need for mutual use of the data held by the (vertically divided) administrative organisations"),
    ("長期入院者の高齢化と退院先の不足", "Long-term inpatients are ageing, and there are not enough places for them to go after discharge"),
    ("措置入院者の退院後に支援が途切れる", "Support breaks off after people admitted involuntarily by prefectural order are discharged"),
    ("市町村の精神保健の相談対応力の不足", "Municipalities lack the capacity to handle mental health consultations"),
    ("精神科病院と地域の支援者の間の温度差", "Differences in commitment between psychiatric hospitals and community supporters"),
    ("住まいの確保が退院の障壁となっている", "Securing housing has become a barrier to discharge"),
    ("家族が相談先を知らず、孤立している", "Families do not know where to seek advice and are isolated"),
    ("未治療・治療中断者の把握ができていない", "Untreated people and people who have interrupted treatment are not identified"),
    ("協議の場の目的が共有されていない", "The purpose of the consultation forum is not shared"),
    ("精神{S}者に対する地域の偏見", "Local prejudice against people with mental disorders"),
    ("支援者の人材不足", "A shortage of supporters"),
];
const POINT2: &[Phrase] = &[
    ("「協議の場」設置に向けた保健所内組織連携、本庁・保健所間連携", "Towards setting up the consultation forums, cooperation within the public health centre and between the head office and the public health centres"),
    ("既存会議の整理・統合", "Sorting out and merging existing meetings"),
    ("所管ごとに管理しているデータの共有", "Sharing the data that each responsible department manages"),
    ("首長のリーダーシップ", "The leadership of the head of the local government"),
    ("国の構築支援事業への参加と広域{AD}の助言", "Taking part in the national system-building support project, and the wide-area advisor's advice"),
    ("当事者の声を直接聞く機会", "Opportunities to hear directly from people with lived experience"),
    ("精神科病院の院長の理解と協力", "The understanding and cooperation of psychiatric hospital directors"),
    ("熱意のある担当者の存在", "Committed staff"),
    ("計画への位置づけと予算化", "Being written into the plans and budgeted for"),
    ("圏域の設定が保健医療圏域と一致していること", "The areas coincide with the health and medical care areas"),
];
const POINT3: &[Phrase] = &[
    ("既存の会議", "Existing meetings"),
    (
        "財政的裏付けは以下の通り",
        "The financial backing is as follows",
    ),
    (
        "精神保健福祉センターの技術支援",
        "Technical support from the mental health and welfare centre",
    ),
    (
        "地域の大学・研究機関",
        "Local universities and research institutions",
    ),
    ("ピアサポーターの人材", "Peer supporters"),
    ("家族会のネットワーク", "The family association network"),
    (
        "精神科病院の退院後生活環境相談員",
        "Post-discharge living environment counsellors at psychiatric hospitals",
    ),
    (
        "基幹相談支援センター",
        "The core consultation support centre",
    ),
];
const POINT3_MEETINGS: &[Phrase] = &[
    ("圏域が実施する連携会議（精神保健医療福祉関係者連携会議の位置づけの見直しなど）", "Liaison meetings held by the area (such as reviewing the position of the liaison meeting of mental health, medical and welfare stakeholders)"),
    ("市町村が実施する連携会議（{S}者自立支援協議会、地域ケア会議など）", "Liaison meetings held by municipalities (the independence support council, community care meetings, etc.)"),
    ("保健所が実施する精神保健福祉連絡会", "Mental health and welfare liaison meetings held by the public health centre"),
];
const POINT3_BUDGET: &[Phrase] = &[
    ("地域生活支援事業費補助金", "Community life support project subsidy"),
    ("精神{S}にも対応した地域包括ケアシステム構築推進事業（国庫補助1/2）", "Promotion project for a community-based integrated care system that also serves people with mental disorders (national subsidy 1/2)"),
    ("地域医療介護総合確保基金", "Comprehensive fund for securing community medical and long-term care"),
    ("精神保健福祉費の地域精神保健福祉対策事業", "The community mental health and welfare measures project, under mental health and welfare expenses"),
    ("保健所費の精神保健活動推進事業", "The mental health activity promotion project, under public health centre expenses"),
    ("県単独事業費", "The prefecture's own project budget"),
];
const POINT4: &[Phrase] = &[
    (
        "保健所のリーダーシップ",
        "Leadership by the public health centres",
    ),
    (
        "医療・介護、保健、福祉間連携のためのデータ活用",
        "Using data for cooperation among medical and long-term care, health and welfare",
    ),
    (
        "担当者が替わっても続く仕組みづくり",
        "Building mechanisms that continue when staff change",
    ),
    (
        "協議の場の定例化",
        "Holding the consultation forum on a regular schedule",
    ),
    (
        "成果を見える化し関係者と共有すること",
        "Making the results visible and sharing them with the people concerned",
    ),
    (
        "当事者・家族の参画",
        "Participation of people with lived experience and families",
    ),
    ("計画への位置づけ", "Being written into the plans"),
    ("小さな成功体験の積み重ね", "Accumulating small successes"),
];
const POINT5: &[Phrase] = &[
    ("医療計画、{S}福祉計画、介護保険事業計画の一体的推進", "Promoting the medical care plan, the disability welfare plan and the long-term care insurance plan as one"),
    ("関係機関の連携強化", "Stronger cooperation among the bodies concerned"),
    ("長期入院者数の減少", "Fewer long-term inpatients"),
    ("退院後支援計画に基づく支援の定着", "Support based on post-discharge support plans has taken root"),
    ("住民の理解の促進", "Greater understanding among residents"),
    ("ピアサポーターの活躍の場の拡大", "More places for peer supporters to work"),
    ("市町村の相談対応力の向上", "Municipalities are better able to handle consultations"),
    ("家族の孤立の防止", "Preventing the isolation of families"),
];
const POINT6: &[Phrase] = &[
    (
        "まずは既存の会議を活用し、小さく始める",
        "Start small, using existing meetings",
    ),
    ("データを用いて課題を共有する", "Share issues using data"),
    (
        "当事者の声を取組の中心に置く",
        "Put the voices of people with lived experience at the centre of the work",
    ),
    (
        "保健所と市町村の役割分担を明確にする",
        "Make the division of roles between public health centres and municipalities clear",
    ),
    (
        "精神科病院を早い段階から巻き込む",
        "Involve psychiatric hospitals from an early stage",
    ),
    (
        "国の支援事業や広域{AD}を活用する",
        "Make use of the national support project and wide-area advisors",
    ),
    (
        "顔の見える関係を大切にする",
        "Value face-to-face relationships",
    ),
    (
        "成果指標を設定し、定期的に振り返る",
        "Set outcome indicators and review them regularly",
    ),
];

const ANALYSIS_TITLES: &[Phrase] = &[
    (
        "保健所が主導する協議の場",
        "Consultation forums led by public health centres",
    ),
    (
        "市町村を中心とした重層的な支援体制",
        "A layered support system centred on the municipalities",
    ),
    (
        "ピアサポーターと協働した地域移行",
        "Community transition in partnership with peer supporters",
    ),
    (
        "精神保健福祉センターによる人材育成",
        "Staff development by the mental health and welfare centre",
    ),
    (
        "措置入院者の退院後支援の仕組みづくり",
        "Building a system of post-discharge support after involuntary admission",
    ),
    (
        "精神科病院と地域をつなぐ連携会議",
        "Liaison meetings that connect psychiatric hospitals and the community",
    ),
    (
        "多職種アウトリーチチームによる訪問支援",
        "Home visits by a multidisciplinary outreach team",
    ),
    (
        "住まいの確保に向けた居住支援のネットワーク",
        "A housing support network for securing homes",
    ),
    (
        "データを活用した構築状況の評価",
        "Evaluating the system's development with data",
    ),
    (
        "家族会と行政の協働",
        "Family associations and the administration working together",
    ),
];
const ANALYSIS_INTRO: &[Phrase] = &[
    ("第5期{S}福祉計画では、圏域ごと、市町村ごとに保健・医療・福祉関係者による協議の場を設置することが求められました。", "The 5th-term disability welfare plans required a consultation forum of health, medical and welfare stakeholders to be set up in each area and each municipality."),
    ("{P}では、関係機関との協働により、精神{S}にも対応した地域包括ケアシステムの構築を進めています。", "{P} is building a community-based integrated care system that also serves people with mental disorders, together with the bodies concerned."),
    ("長期入院者の地域移行は、病院だけでも地域だけでも進みません。", "The community transition of long-term inpatients cannot advance through the hospitals alone or the community alone."),
    ("{Y}からは、国の構築支援事業に参加しています。", "Since {Y}, it has taken part in the national system-building support project."),
    ("ここでは、その経緯と工夫をPoint1–6に沿って整理します。", "Here we set out how it came about and what was done, following Points 1–6."),
];
const ANALYSIS_SUMMARY: &[Phrase] = &[
    ("{P}では、協議の場を軸に、関係機関が役割を分担しながら取組を継続しています。", "In {P}, the bodies concerned keep the work going around the consultation forum, each taking a share of the roles."),
    ("今後は、市町村単位での取組をさらに広げることが期待されます。", "In future, the work is expected to spread further at municipal level."),
    ("当事者の声を起点にした取組は、他の自治体にとっても参考になるでしょう。", "Work that starts from the voices of people with lived experience should also be useful to other local governments."),
    ("データに基づく議論が、関係者の共通認識をつくりました。", "Discussion based on data created a shared understanding among the people concerned."),
];

const PRACTICE_TITLES: &[Phrase] = &[
    (
        "居住支援における連携促進及びツール開発が行われた事例",
        "A case in which cooperation in housing support was promoted and tools were developed",
    ),
    (
        "協議の場の機能強化が行われた事例",
        "A case in which the consultation forum's functions were strengthened",
    ),
    (
        "精神科病院と地域の連携が進んだ事例",
        "A case in which psychiatric hospitals and the community came to work together",
    ),
    (
        "市町村の相談体制が整備された事例",
        "A case in which a municipal consultation system was developed",
    ),
    (
        "措置入院者の退院後支援が定着した事例",
        "A case in which post-discharge support after involuntary admission took root",
    ),
];
const ISSUE_RESPONSES: &[(Phrase, &[Phrase])] = &[
    (("住居の貸し渋りという地域課題が潜在化していた。", "The regional issue of landlords' reluctance to rent was hidden."), &[
        ("類似課題を持つ他の個別ケースを調査することで地域課題を顕在化。", "Investigating other individual cases with similar issues brought the regional issue to light."),
    ]),
    (("地域の不動産業者や近隣住民が漠然とした不安を感じていた。", "Local estate agents and neighbours felt a vague unease."), &[
        ("不安や心配事を抽出するための意見交換会を開催。", "Meetings were held to exchange views and draw out their worries."),
        ("「生活サポートシート」を作成。", "A \"life support sheet\" was produced."),
    ]),
    (("病院と地域の支援者が互いの役割を知らなかった。", "Hospital staff and community supporters did not know each other's roles."), &[
        ("合同研修会を開催。", "Joint training was held."),
        ("病棟見学と事業所見学を相互に実施。", "Ward visits and office visits were exchanged."),
    ]),
    (("退院後の支援が途切れていた。", "Support broke off after discharge."), &[
        ("退院前からの支援会議を定例化。", "Support meetings from before discharge were made routine."),
    ]),
    (("市町村に精神保健の専門職がいなかった。", "The municipality had no mental health professionals."), &[
        ("保健所の精神保健福祉士が同行訪問で助言。", "The public health centre's psychiatric social worker gave advice on joint visits."),
        ("相談対応マニュアルを作成。", "A consultation manual was produced."),
    ]),
    (("協議の場で個別事例が検討されていなかった。", "Individual cases were not discussed at the consultation forum."), &[
        ("事例検討を議題に加えた。", "Case reviews were added to the agenda."),
    ]),
];
const STAGES: [(&str, Phrase); 4] = [
    (
        "seed-extraction",
        (
            "地域課題の種の抽出",
            "Extracting the seeds of regional issues",
        ),
    ),
    (
        "verification",
        ("地域課題の検証", "Verifying the regional issues"),
    ),
    (
        "solution",
        (
            "地域課題の解決（基盤整備）",
            "Solving the regional issues (developing the base)",
        ),
    ),
    (
        "further-development",
        (
            "さらなる地域の基盤整備",
            "Further development of the regional base",
        ),
    ),
];
const NODES: [&[Phrase]; 4] = [
    &[
        (
            "個別ケースの課題発覚",
            "An individual case's issue comes to light",
        ),
        (
            "相談支援専門員が同様のケースに気づく",
            "A consultation support specialist notices similar cases",
        ),
        (
            "協議の場へ議題提出",
            "The issue is put on the consultation forum's agenda",
        ),
        ("病院からの相談", "A consultation from a hospital"),
    ],
    &[
        (
            "協議会にてアンケート調査を実施",
            "Questionnaire survey carried out by the council",
        ),
        (
            "圏域内の他市町村でも同様のケースを確認",
            "Similar cases confirmed in other municipalities of the area",
        ),
        ("意見交換会の開催", "Meetings to exchange views"),
        ("実態調査の結果を共有", "The survey results are shared"),
    ],
    &[
        (
            "生活サポートシートの作成",
            "A life support sheet is produced",
        ),
        ("合同研修会の開催", "Joint training is held"),
        (
            "支援の流れを整理したマニュアルの作成",
            "A manual setting out the flow of support is produced",
        ),
        ("相談窓口の設置", "A consultation desk is set up"),
    ],
    &[
        (
            "他市町村でも同様の検討を開始",
            "Other municipalities begin similar discussions",
        ),
        ("ツールの活用の標準化", "Use of the tools becomes standard"),
        (
            "圏域全体の研修体系に位置づけ",
            "Made part of the area's training framework",
        ),
        (
            "当事者による研究グループの発足",
            "A research group of people with lived experience is launched",
        ),
    ],
];
const COMMENTS: &[Phrase] = &[
    ("最初は小さな気づきでしたが、協議の場で共有したことで大きな動きになりました。", "It began as a small observation, but sharing it at the consultation forum turned it into a major movement."),
    ("関係者が同じ方向を向くまでには時間がかかりました。", "It took time for everyone concerned to face the same direction."),
    ("当事者の声が関係者の意識を変えました。", "The voices of people with lived experience changed how the people concerned saw things."),
];
const CALLOUTS: &[Phrase] = &[
    ("個別ケースから地域課題を見出す視点が重要です。", "The key is to find regional issues in individual cases."),
    ("課題を数字で示すと、関係者の理解が得やすくなります。", "Showing the issue in numbers makes it easier to win the understanding of the people concerned."),
    ("既存の会議を活用することで負担を増やさずに進められます。", "Using existing meetings lets the work proceed without adding to anyone's burden."),
];
const REFERENCES: &[Phrase] = &[
    ("生活サポートシート（様式）", "Life support sheet (form)"),
    ("研修会プログラム", "Training programme"),
    ("アンケート調査票", "Questionnaire"),
];

const CATCHPHRASES: &[Phrase] = &[
    (
        "長期入院精神{S}者の地域移行推進に向けて",
        "Towards promoting the community transition of long-term inpatients with mental disorders",
    ),
    (
        "誰もが安心して自分らしく暮らせる{B}を目指して",
        "Towards a {B} where everyone can live safely and as themselves",
    ),
    (
        "顔の見える関係から始まる地域づくり",
        "Community-building that begins with face-to-face relationships",
    ),
];
const SLOGANS: &[Phrase] = &[
    ("つながる・ささえる・{B}", "Connect, support, {B}"),
    (
        "みんなでつくる{B}のこころのケア",
        "Mental health care in {B}, built together",
    ),
    ("ひとりにしない{B}", "{B}: no one left alone"),
    (
        "地域で暮らす、地域で支える",
        "Living in the community, supported by the community",
    ),
];

// ---------------------------------------------------------------------------------------------
// Indicators

#[derive(Clone, Copy)]
struct Ind {
    id: &'static str,
    label: Phrase,
}

const INDICATORS: [Ind; 12] = [
    Ind {
        id: "long-term-inpatients",
        label: (
            "長期入院患者数（1年以上）",
            "Long-term inpatients (1 year or more)",
        ),
    },
    Ind {
        id: "discharge-rate-3m",
        label: (
            "入院後3ヶ月時点の退院率",
            "Discharge rate 3 months after admission",
        ),
    },
    Ind {
        id: "discharge-rate-6m",
        label: (
            "入院後6ヶ月時点の退院率",
            "Discharge rate 6 months after admission",
        ),
    },
    Ind {
        id: "discharge-rate-12m",
        label: (
            "入院後1年時点の退院率",
            "Discharge rate 1 year after admission",
        ),
    },
    Ind {
        id: "municipal-forums",
        label: (
            "協議の場を設置した市町村数",
            "Municipalities with a consultation forum",
        ),
    },
    Ind {
        id: "transition-support-users",
        label: (
            "地域移行支援の利用者数",
            "Users of community transition support",
        ),
    },
    Ind {
        id: "transition-support-discharges",
        label: (
            "地域移行支援利用者のうち退院した者",
            "Transition-support users discharged",
        ),
    },
    Ind {
        id: "discharge-support-given",
        label: (
            "退院支援を実施した者の人数",
            "People given discharge support",
        ),
    },
    Ind {
        id: "discharged",
        label: ("そのうち退院した者の人数", "Of those, people discharged"),
    },
    Ind {
        id: "peer-supporters-trained",
        label: ("ピアサポーター養成数", "Peer supporters trained"),
    },
    Ind {
        id: "peer-supporters-employed",
        label: ("ピアサポーター活用数", "Peer supporters deployed"),
    },
    Ind {
        id: "peer-talks",
        label: ("体験談発表の回数", "Personal experience talks"),
    },
];

const CIRCLED: [&str; 10] = ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"];

// ---------------------------------------------------------------------------------------------
// Building records

#[derive(Clone, Copy)]
enum Spelling {
    Kanji,
    Kana,
    Old,
}

impl Spelling {
    fn text(self) -> &'static str {
        match self {
            Spelling::Kanji => "障害",
            Spelling::Kana => "障がい",
            Spelling::Old => "障碍",
        }
    }
}

struct Ctx<'a> {
    rng: Rng,
    regions: &'a [Region],
    me: &'a Region,
    seed: u64,
    /// The record's usual spelling of 障害.
    spelling: Spelling,
    /// The fiscal year the record is about.
    fy: i32,
}

impl<'a> Ctx<'a> {
    fn new(seed: u64, job: &Job, regions: &'a [Region]) -> Ctx<'a> {
        let mut rng = Rng::derive(seed, &job.id);
        let spelling = match rng.weighted(&[60, 35, 5]) {
            0 => Spelling::Kanji,
            1 => Spelling::Kana,
            _ => Spelling::Old,
        };
        let fy = rng.range(2018, 2022) as i32;
        Ctx {
            rng,
            regions,
            me: &regions[job.region],
            seed,
            spelling,
            fy,
        }
    }

    fn pref(&self) -> &'a Region {
        &self.regions[self.me.pref]
    }

    fn spell(&mut self) -> &'static str {
        // Some sources mix the spellings within one document (Kumamoto's sheet does).
        if self.rng.chance(0.1) {
            const MIXED: [&str; 4] = ["障害", "障がい", "障碍", "障害"];
            MIXED[self.rng.below(MIXED.len())]
        } else {
            self.spelling.text()
        }
    }

    /// Fill a phrase's placeholders: (Japanese, English).
    fn fill(&mut self, p: &Phrase) -> (String, String) {
        let mut values: HashMap<String, (String, String)> = HashMap::new();
        let ja = self.fill_one(p.0, true, &mut values);
        let en = self.fill_one(p.1, false, &mut values);
        let ja = if self.rng.chance(0.12) {
            fullwidth(&ja)
        } else {
            ja
        };
        (ja, en)
    }

    fn fill_one(
        &mut self,
        template: &str,
        ja: bool,
        values: &mut HashMap<String, (String, String)>,
    ) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                out.push_str(&rest[open..]);
                return out;
            };
            let name = &rest[open + 1..open + close];
            rest = &rest[open + close + 1..];
            if name == "S" {
                let s = self.spell();
                out.push_str(s);
                continue;
            }
            if !values.contains_key(name) {
                let v = self.placeholder(name);
                values.insert(name.to_owned(), v);
            }
            let (j, e) = &values[name];
            out.push_str(if ja { j } else { e });
        }
        out.push_str(rest);
        out
    }

    fn placeholder(&mut self, name: &str) -> (String, String) {
        match name {
            "P" => (self.me.ja.clone(), self.me.en.clone()),
            "B" => (self.me.base_ja.clone(), self.me.base_en.clone()),
            "PREF" => (self.pref().ja.clone(), self.pref().en.clone()),
            "N" | "N2" => {
                let n = self.rng.range(2, 30);
                (n.to_string(), n.to_string())
            }
            "AD" => {
                let ja = if self.rng.chance(0.5) { "ＡＤ" } else { "AD" };
                (ja.to_owned(), "advisor".to_owned())
            }
            "M" => {
                let m = self.rng.range(1, 12) as u32;
                (format!("{m}月"), month_en(m).to_owned())
            }
            "Y" => {
                let y = self.rng.range(2016, 2021) as i32;
                (d_fy(&mut self.rng, y), format!("FY{y}"))
            }
            "R" => {
                let a = self.rng.range(2012, 2018) as i32;
                let b = a + self.rng.range(2, 5) as i32;
                let (ea, _, na) = era_of_fy(a);
                let (eb, _, nb) = era_of_fy(b);
                (format!("{ea}{na}～{eb}{nb}"), format!("FY{a}–FY{b}"))
            }
            other => panic!("unknown placeholder {{{other}}}"),
        }
    }

    /// `{ja, en}`; about one text in twenty is left untranslated on purpose.
    fn text_of(&mut self, ja: String, en: String) -> Value {
        if self.rng.chance(0.05) {
            json!({ "ja": ja })
        } else {
            json!({ "ja": ja, "en": en })
        }
    }

    fn t(&mut self, p: &Phrase) -> Value {
        let (ja, en) = self.fill(p);
        self.text_of(ja, en)
    }

    fn pick_t(&mut self, bank: &[Phrase]) -> Value {
        let p = *self.rng.pick(bank);
        self.t(&p)
    }

    /// `lo..=hi` distinct texts from a bank.
    fn texts(&mut self, bank: &[Phrase], lo: usize, hi: usize) -> Vec<Value> {
        let k = self.rng.range(lo as i64, hi as i64) as usize;
        let chosen: Vec<Phrase> = self.rng.pick_n(bank, k).into_iter().copied().collect();
        chosen.iter().map(|p| self.t(p)).collect()
    }

    /// Texts numbered ①②③ as the sheets number them.
    fn numbered(&mut self, bank: &[Phrase], lo: usize, hi: usize) -> Vec<Value> {
        let k = self.rng.range(lo as i64, hi as i64) as usize;
        let chosen: Vec<Phrase> = self.rng.pick_n(bank, k).into_iter().copied().collect();
        chosen
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let (ja, en) = self.fill(p);
                let c = CIRCLED[i % CIRCLED.len()];
                self.text_of(format!("{c}{ja}"), format!("{c} {en}"))
            })
            .collect()
    }

    /// A paragraph of `k` sentences.
    fn paragraph(&mut self, bank: &[Phrase], lo: usize, hi: usize) -> (String, String) {
        let k = self.rng.range(lo as i64, hi as i64) as usize;
        let chosen: Vec<Phrase> = self.rng.pick_n(bank, k).into_iter().copied().collect();
        let mut ja = String::new();
        let mut en = String::new();
        for p in &chosen {
            let (j, e) = self.fill(p);
            ja.push_str(&j);
            if !j.ends_with('。') {
                ja.push('。');
            }
            if !en.is_empty() {
                en.push(' ');
            }
            en.push_str(&e);
            if !e.ends_with('.') {
                en.push('.');
            }
        }
        (ja, en)
    }

    /// Markdown: a list, sometimes nested, sometimes with emphasis, a table or a footnote.
    /// Every sentence of one text is a different phrase.
    fn markdown(&mut self, bank: &[Phrase], lo: usize, hi: usize) -> (String, String) {
        let k = self.rng.range(lo as i64, hi as i64) as usize;
        let mut pool: Vec<Phrase> = self
            .rng
            .pick_n(bank, bank.len())
            .into_iter()
            .copied()
            .collect();
        let mut ja = String::new();
        let mut en = String::new();
        if pool.len() > k && self.rng.chance(0.5) {
            let p = pool.pop().expect("pool is longer than k");
            let (j, e) = self.fill(&p);
            let end_ja = if j.ends_with('。') { "" } else { "。" };
            let end_en = if e.ends_with('.') { "" } else { "." };
            let _ = writeln!(ja, "{j}{end_ja}\n");
            let _ = writeln!(en, "{e}{end_en}\n");
        }
        let items: Vec<Phrase> = pool.drain(..k.min(pool.len())).collect();
        for p in &items {
            let (j, e) = self.fill(p);
            if self.rng.chance(0.1) {
                let _ = writeln!(ja, "- **{j}**");
                let _ = writeln!(en, "- **{e}**");
            } else {
                let _ = writeln!(ja, "- {j}");
                let _ = writeln!(en, "- {e}");
            }
            if !pool.is_empty() && self.rng.chance(0.2) {
                let q = pool.pop().expect("pool is not empty");
                let (j, e) = self.fill(&q);
                let _ = writeln!(ja, "  - {j}");
                let _ = writeln!(en, "  - {e}");
            }
        }
        if self.rng.chance(0.08) {
            let (j, e) = self.table();
            ja.push('\n');
            ja.push_str(&j);
            en.push('\n');
            en.push_str(&e);
        }
        if self.rng.chance(0.05) {
            let y = self.rng.range(2017, 2021) as i32;
            let (_, k, n) = era_of_fy(y);
            let _ = write!(
                ja,
                "\n数値は{}度の実績による[^1]。\n\n[^1]: 事務局調べ。\n",
                kanji_year(k, n)
            );
            let _ = write!(
                en,
                "\nThe figures are for FY{y}[^1].\n\n[^1]: Compiled by the secretariat.\n"
            );
        }
        (ja, en)
    }

    fn table(&mut self) -> (String, String) {
        let mut ja = String::from("| 年度 | 研修回数 | 参加者数 |\n| --- | ---: | ---: |\n");
        let mut en =
            String::from("| Fiscal year | Sessions | Participants |\n| --- | ---: | ---: |\n");
        let start = self.rng.range(2016, 2019) as i32;
        for y in start..start + 3 {
            let (_, k, n) = era_of_fy(y);
            let s = self.rng.range(1, 8);
            let p = self.rng.range(15, 240);
            let _ = writeln!(ja, "| {}度 | {s} | {p} |", kanji_year(k, n));
            let _ = writeln!(en, "| FY{y} | {s} | {p} |");
        }
        (ja, en)
    }

    fn prose_md(&mut self, bank: &[Phrase], lo: usize, hi: usize) -> Value {
        let (ja, en) = self.markdown(bank, lo, hi);
        self.text_of(ja, en)
    }

    fn prose_para(&mut self, bank: &[Phrase], lo: usize, hi: usize) -> Value {
        let (ja, en) = self.paragraph(bank, lo, hi);
        self.text_of(ja, en)
    }

    fn source(&self) -> Value {
        json!({
            "ja": format!("gen_corpus による合成データ（seed {}）", self.seed),
            "en": format!("Synthetic data generated by gen_corpus (seed {})", self.seed),
        })
    }

    /// Region ids the record may name as areas: the region's care areas, or itself.
    fn sub_areas(&mut self, max: usize) -> Vec<String> {
        let regions = self.regions;
        let areas: Vec<&Region> = self
            .me
            .children
            .iter()
            .map(|&c| &regions[c])
            .filter(|r| r.kind == "area" || r.kind == "municipality")
            .collect();
        if areas.is_empty() {
            return Vec::new();
        }
        let k = self.rng.range(1, max as i64) as usize;
        self.rng
            .pick_n(&areas, k)
            .into_iter()
            .map(|r| r.id.clone())
            .collect()
    }

    // --- regions -------------------------------------------------------------------------

    fn region_record(&mut self) -> Value {
        let r = self.me;
        let mut m = Map::new();
        m.insert("name".into(), json!({"ja": r.ja, "en": r.en}));
        m.insert("kind".into(), json!(r.kind));
        if r.kind == "prefecture" {
            // PREFECTURES is in the official order: the index plus one is the JIS code.
            m.insert("code".into(), json!(r.pref + 1));
            m.insert("reading".into(), json!(PREFECTURE_READINGS[r.pref]));
        }
        if let Some(p) = r.parent {
            m.insert("parent".into(), json!(self.regions[p].id));
        }
        if r.anonymised {
            m.insert("anonymised".into(), json!(true));
            let v = self.hospital_description();
            m.insert("description".into(), v);
        }
        if r.population > 0 {
            self.region_population(&mut m);
        }
        if let Some(n) = r.municipalities {
            m.insert("municipalities".into(), json!(n));
        }
        if r.kind != "mhw-centre" && r.kind != "hospital" {
            self.region_services(&mut m);
        }
        if !r.anonymised && self.rng.chance(0.15) {
            let s = *self.rng.pick(SLOGANS);
            let v = self.t(&s);
            m.insert("slogan".into(), v);
        }
        if self.rng.chance(0.4) {
            let v = self.region_summary();
            m.insert("summary".into(), v);
        }
        Value::Object(m)
    }

    fn hospital_description(&mut self) -> Value {
        let beds = self.rng.range(1, 6) * 50;
        json!({"ja": format!("{}内の精神科病院、病床数約{beds}床", self.pref().ja),
               "en": format!("A psychiatric hospital in {} with about {beds} beds", self.pref().en)})
    }

    /// The region's `population`: a tenth of the places below a prefecture give it rounded
    /// and approximate (and, unless they are care areas, a description saying so), the rest
    /// exactly, as of a date.
    fn region_population(&mut self, m: &mut Map<String, Value>) {
        let r = self.me;
        let approx = r.kind != "prefecture" && self.rng.chance(0.1);
        let mut pop = Map::new();
        if approx {
            let rounded = (r.population / 10_000).max(1) * 10_000;
            pop.insert("value".into(), json!(rounded));
            pop.insert("approximate".into(), json!(true));
            if r.kind != "area" {
                let man = rounded / 10_000;
                m.insert(
                    "description".into(),
                    json!({"ja": format!("{}、人口約{man}万人", kind_ja(r.kind)),
                           "en": format!("A {} with a population of about {}", kind_en(r.kind), group(rounded))}),
                );
            }
        } else {
            pop.insert("value".into(), json!(r.population));
            let as_of = self.population_as_of();
            pop.insert("as_of".into(), json!(as_of));
        }
        m.insert("population".into(), Value::Object(pop));
    }

    /// When a population was counted, written as the sources do: `R1.6月時点`, `R2.10.1現在`,
    /// `2020-10-01`, `令和2年10月1日時点` …
    fn population_as_of(&mut self) -> String {
        let y = self.rng.range(2017, 2022) as i32;
        match self.rng.below(3) {
            0 => {
                let m = self.rng.range(1, 12) as u32;
                d_month(&mut self.rng, y, m)
            }
            1 => {
                let (e, _, n) = era_of(y, 10, 1);
                match self.rng.below(3) {
                    0 => format!("{e}{n}.10.1現在"),
                    1 => format!("{y}-10-01"),
                    _ => format!("{}10月1日時点", kanji_year(era_of(y, 10, 1).1, n)),
                }
            }
            _ => {
                let m = self.rng.range(1, 12) as u32;
                let d = self.rng.range(1, 28) as u32;
                d_day(&mut self.rng, y, m, d)
            }
        }
    }

    /// Hospitals, clinics and (for most regions) consultation offices, scaled to the
    /// population.
    fn region_services(&mut self, m: &mut Map<String, Value>) {
        let scale = (self.me.population as f64 / 100_000.0).max(0.05);
        let hospitals = (scale * self.rng.uniform(0.4, 1.2)).round() as u64;
        let clinics = (scale * self.rng.uniform(1.5, 4.5)).round() as u64;
        m.insert("hospitals".into(), json!(hospitals));
        m.insert("clinics".into(), json!(clinics));
        if self.rng.chance(0.6) {
            let general = (scale * self.rng.uniform(0.8, 2.5)).round() as u64;
            let specific = general + (scale * self.rng.uniform(1.0, 4.0)).round() as u64;
            m.insert(
                "consultation_offices".into(),
                json!({"general": general, "specific": specific}),
            );
        }
    }

    fn region_summary(&mut self) -> Value {
        let r = self.me;
        let (mut ja, mut en) = match r.kind {
            "area" => (
                format!("{}は、{}の{}市町村からなる障害保健福祉圏域です。", r.ja, self.pref().ja, r.municipalities.unwrap_or(3))
                    .replace("障害", self.spell()),
                format!("{} is a disability health and welfare area of {}, made up of {} municipalities.", r.en, self.pref().en, r.municipalities.unwrap_or(3)),
            ),
            "prefecture" => (
                format!("{}では、{}の圏域ごとに協議の場が設置されています。", r.ja, r.children.iter().filter(|&&c| self.regions[c].kind == "area").count().max(1)),
                format!("{} has a consultation forum in each of its {} areas.", r.en, r.children.iter().filter(|&&c| self.regions[c].kind == "area").count().max(1)),
            ),
            _ => (
                format!("{}は{}の{}です。", r.ja, self.pref().ja, kind_ja(r.kind)),
                format!("{} is a {} in {}.", r.en, kind_en(r.kind), self.pref().en),
            ),
        };
        ja.push_str("\n\n（合成データ）\n");
        en.push_str("\n\n(Synthetic data.)\n");
        self.text_of(ja, en)
    }

    // --- status sheets --------------------------------------------------------------------

    fn sheet(&mut self) -> Value {
        let mut m = Map::new();
        m.insert("region".into(), json!(self.me.id));
        let v = self.sheet_title();
        m.insert("title".into(), v);
        let d = d_fy(&mut self.rng, self.fy);
        m.insert("fiscal_year".into(), json!(d));
        m.insert("source".into(), self.source());
        if self.rng.chance(0.5) {
            let v = self.pick_t(CATCHPHRASES);
            m.insert("catchphrase".into(), v);
        }
        let v = self.prose_md(STRENGTHS, 1, 3);
        m.insert("intro".into(), v);
        let v = self.sheet_basic();
        m.insert("basic".into(), v);
        let v = self.sheet_overview();
        m.insert("overview".into(), v);
        let v = self.sheet_history();
        m.insert("history".into(), v);
        // Sections 4 and 5 report on the same indicators.
        let inds = self.pick_indicators(2, 6);
        let v = self.sheet_results(&inds);
        m.insert("results".into(), v);
        let v = self.sheet_strengths(&inds);
        m.insert("strengths".into(), v);
        let v = self.sheet_schedule();
        m.insert("schedule".into(), v);
        Value::Object(m)
    }

    fn sheet_title(&mut self) -> Value {
        let me = self.me;
        let prog = *self.rng.pick(&[
            ("構築支援事業", "System-building support project"),
            ("構築推進事業", "Promotion project"),
        ]);
        let title = (
            format!(
                "精神{}にも対応した地域包括ケアシステム{} 自治体情報シート {}",
                self.spell(),
                prog.0,
                me.ja
            ),
            format!(
                "{} for a community-based integrated care system that also serves people with mental disorders: local government information sheet, {}",
                prog.1, me.en
            ),
        );
        self.text_of(title.0, title.1)
    }

    /// Section 1, basic information: groups of items under headings.
    fn sheet_basic(&mut self) -> Value {
        let n_groups = self.rng.range(2, 4) as usize;
        let headings: Vec<Phrase> = self
            .rng
            .pick_n(BASIC_HEADINGS, n_groups)
            .into_iter()
            .copied()
            .collect();
        let groups: Vec<Value> = headings
            .iter()
            .map(|h| {
                let heading = self.t(h);
                let bank = if h.0.contains("協議の場") {
                    FORUM_NAMES
                } else if h.0.contains("人材") {
                    TRAININGS
                } else {
                    PROGRAMMES
                };
                let items = self.items(bank, 2, 5, 0.1);
                json!({"heading": heading, "items": items})
            })
            .collect();
        json!({ "groups": groups })
    }

    /// Section 2, overview: the period, a text, the organisations' roles and links between
    /// them.
    fn sheet_overview(&mut self) -> Value {
        let fy = self.fy;
        let mut ov = Map::new();
        let a = fy - self.rng.range(2, 4) as i32;
        let d = d_fy_range(&mut self.rng, a, fy - 1);
        ov.insert("period".into(), json!(d));
        let v = self.prose_md(OVERVIEW_LINES, 2, 5);
        ov.insert("text".into(), v);
        let (roles, names) = self.overview_roles();
        ov.insert("roles".into(), json!(roles));
        let links = self.overview_links(&names);
        if !links.is_empty() {
            ov.insert("links".into(), json!(links));
        }
        Value::Object(ov)
    }

    /// The organisations' roles, and their names for the links.
    fn overview_roles(&mut self) -> (Vec<Value>, Vec<(String, String)>) {
        let n_orgs = self.rng.range(3, 6) as usize;
        let orgs: Vec<&(Phrase, Option<&str>, &[Phrase])> = self.rng.pick_n(ORGS, n_orgs);
        let mut names = Vec::new();
        let roles: Vec<Value> = orgs
            .iter()
            .map(|(name, actor, items)| {
                let (nj, ne) = self.fill(name);
                names.push((nj.clone(), ne.clone()));
                let mut o = Map::new();
                o.insert("name".into(), json!({"ja": nj, "en": ne}));
                if let Some(a) = actor {
                    o.insert("actor".into(), json!(a));
                }
                let its = self.texts(items, 1, items.len());
                o.insert("items".into(), json!(its));
                Value::Object(o)
            })
            .collect();
        (roles, names)
    }

    /// Up to three labelled links between two different organisations.
    fn overview_links(&mut self, names: &[(String, String)]) -> Vec<Value> {
        let n_links = self.rng.range(0, 4) as usize;
        (0..n_links)
            .map(|_| {
                let a = self.rng.below(names.len());
                let b = (a + 1 + self.rng.below(names.len() - 1)) % names.len();
                let label = self.pick_t(LINK_LABELS);
                json!({
                    "from": {"ja": names[a].0, "en": names[a].1},
                    "to": {"ja": names[b].0, "en": names[b].1},
                    "label": label,
                })
            })
            .collect()
    }

    /// Section 3, history: notes, the programmes with their periods, and numbered groups of
    /// events and counts.
    fn sheet_history(&mut self) -> Value {
        let mut hist = Map::new();
        let notes: Vec<Value> = {
            let k = self.rng.range(0, 2) as usize;
            let chosen: Vec<Phrase> = self
                .rng
                .pick_n(HISTORY_NOTES, k)
                .into_iter()
                .copied()
                .collect();
            chosen.iter().map(|p| self.t(p)).collect()
        };
        if !notes.is_empty() {
            hist.insert("notes".into(), json!(notes));
        }
        let n_prog = self.rng.range(3, 8) as usize;
        let progs: Vec<Phrase> = self
            .rng
            .pick_n(PROGRAMMES, n_prog)
            .into_iter()
            .copied()
            .collect();
        let programmes: Vec<Value> = progs.iter().map(|p| self.history_programme(p)).collect();
        hist.insert("programmes".into(), json!(programmes));
        let n_hg = self.rng.range(1, 3) as usize;
        let hgs: Vec<Phrase> = self
            .rng
            .pick_n(HISTORY_HEADINGS, n_hg)
            .into_iter()
            .copied()
            .collect();
        let groups: Vec<Value> = hgs
            .iter()
            .enumerate()
            .map(|(i, h)| self.history_group(i, h))
            .collect();
        hist.insert("groups".into(), json!(groups));
        Value::Object(hist)
    }

    fn history_programme(&mut self, p: &Phrase) -> Value {
        let fy = self.fy;
        let name = self.t(p);
        let period = match self.rng.below(6) {
            0 => "not-stated".to_owned(),
            1 => {
                let a = self.rng.range(2012, fy as i64 - 1) as i32;
                d_fy(&mut self.rng, a)
            }
            _ => {
                let a = self.rng.range(2012, fy as i64 - 2) as i32;
                let b = self.rng.range(a as i64 + 1, fy as i64) as i32;
                d_fy_range(&mut self.rng, a, b)
            }
        };
        let mut o = Map::new();
        o.insert("name".into(), name);
        o.insert("period".into(), json!(period));
        if self.rng.chance(0.3) {
            let v = self.pick_t(OVERVIEW_LINES);
            o.insert("note".into(), v);
        }
        Value::Object(o)
    }

    /// History group `i` (①, ② …): events and one indicator's counts for each fiscal year
    /// from a few years back.
    fn history_group(&mut self, i: usize, h: &Phrase) -> Value {
        let (hj, he) = self.fill(h);
        let heading = self.text_of(
            format!("{}{hj}", CIRCLED[i]),
            format!("{} {he}", CIRCLED[i]),
        );
        let mut g = Map::new();
        g.insert("heading".into(), heading);
        if self.rng.chance(0.3) {
            let v = self.prose_para(HISTORY_EVENTS, 1, 2);
            g.insert("intro".into(), v);
        }
        let years = self.fy - self.rng.range(2, 4) as i32..self.fy;
        let events: Vec<Value> = years
            .clone()
            .map(|y| {
                let period = d_fy(&mut self.rng, y);
                let areas = self.sub_areas(3);
                let text = self.pick_t(HISTORY_EVENTS);
                json!({"period": period, "areas": areas, "text": text})
            })
            .collect();
        let counts = self.history_counts(years);
        g.insert("events".into(), json!(events));
        g.insert("counts".into(), json!(counts));
        Value::Object(g)
    }

    /// One indicator's count in each of `years`.
    fn history_counts(&mut self, years: std::ops::Range<i32>) -> Vec<Value> {
        let ind = *self.rng.pick(&[
            "peer-supporters-trained",
            "peer-supporters-employed",
            "transition-support-users",
            "discharge-support-given",
            "discharged",
            "peer-talks",
        ]);
        years
            .map(|y| {
                let period = d_fy(&mut self.rng, y);
                let areas = self.sub_areas(2);
                let value = self.rng.range(0, 40);
                let mut c = Map::new();
                c.insert("indicator".into(), json!(ind));
                c.insert("period".into(), json!(period));
                c.insert("areas".into(), json!(areas));
                c.insert("value".into(), json!(value));
                if self.rng.chance(0.1) {
                    c.insert(
                        "note".into(),
                        json!({"ja": "延べ人数", "en": "Cumulative count"}),
                    );
                }
                Value::Object(c)
            })
            .collect()
    }

    /// Section 4, results of the year before: each indicator's target and actual.
    fn sheet_results(&mut self, inds: &[Ind]) -> Value {
        let fy = self.fy;
        let rows: Vec<Value> = inds
            .iter()
            .enumerate()
            .map(|(i, ind)| self.indicator_row(i, ind, fy - 1, false))
            .collect();
        let d = d_fy(&mut self.rng, fy - 1);
        let effects = self.texts(EFFECTS, 1, 3);
        json!({"period": d, "indicators": rows, "effects": effects})
    }

    /// Section 5, strengths and issues: each indicator's baseline and target, and the issues
    /// table.
    fn sheet_strengths(&mut self, inds: &[Ind]) -> Value {
        let fy = self.fy;
        let mut st = Map::new();
        let s: Vec<Value> = {
            let k = self.rng.range(1, 3) as usize;
            let chosen: Vec<Phrase> = self.rng.pick_n(STRENGTHS, k).into_iter().copied().collect();
            chosen.iter().map(|p| self.t(p)).collect()
        };
        st.insert("strengths".into(), json!(s));
        let rows: Vec<Value> = inds
            .iter()
            .enumerate()
            .map(|(i, ind)| self.indicator_row(i, ind, fy, true))
            .collect();
        st.insert("indicators".into(), json!(rows));
        if self.rng.chance(0.5) {
            let e = self.texts(EFFECTS, 1, 2);
            st.insert("effects".into(), json!(e));
        }
        let n_issues = self.rng.range(1, 4) as usize;
        let issues: Vec<Phrase> = self
            .rng
            .pick_n(ISSUES, n_issues)
            .into_iter()
            .copied()
            .collect();
        let issue_rows: Vec<Value> = issues.iter().map(|p| self.issue_row(p)).collect();
        st.insert("issues".into(), json!(issue_rows));
        Value::Object(st)
    }

    /// Section 6, this year's schedule: goals and dated rows.
    fn sheet_schedule(&mut self) -> Value {
        let fy = self.fy;
        let d = d_fy(&mut self.rng, fy);
        let goals = self.numbered(GOALS, 1, 4);
        let n_rows = self.rng.range(2, 6) as usize;
        let items: Vec<Phrase> = self
            .rng
            .pick_n(SCHEDULE_ITEMS, n_rows)
            .into_iter()
            .copied()
            .collect();
        let rows: Vec<Value> = items
            .iter()
            .map(|p| {
                let period = d_schedule(&mut self.rng, fy);
                let item = self.t(p);
                let content = self.texts(SCHEDULE_CONTENT, 1, 3);
                json!({"period": period, "item": item, "content": content})
            })
            .collect();
        json!({"fiscal_year": d, "goals": goals, "rows": rows})
    }

    fn pick_indicators(&mut self, lo: usize, hi: usize) -> Vec<Ind> {
        let k = self.rng.range(lo as i64, hi as i64) as usize;
        let mut v: Vec<(usize, Ind)> = self
            .rng
            .pick_n(
                &INDICATORS.iter().copied().enumerate().collect::<Vec<_>>(),
                k,
            )
            .into_iter()
            .copied()
            .collect();
        v.sort_by_key(|(i, _)| *i);
        v.into_iter().map(|(_, ind)| ind).collect()
    }

    /// One indicator row: results (target set at the start of `fy`, actual at a point in it)
    /// or strengths (baseline now, target by a deadline).
    fn indicator_row(&mut self, i: usize, ind: &Ind, fy: i32, strengths: bool) -> Value {
        let (base, target, actual, of) = self.indicator_values(ind.id);
        let mut m = Map::new();
        m.insert("indicator".into(), json!(ind.id));
        if self.rng.chance(0.6) {
            let (j, e) = self.fill(&ind.label);
            let c = CIRCLED[i % CIRCLED.len()];
            let v = self.text_of(format!("{c}{j}"), format!("{c} {e}"));
            m.insert("label".into(), v);
        }
        let value = |v: f64, when: String| -> Value {
            let mut o = Map::new();
            o.insert("value".into(), num(v));
            if let Some(of) = of {
                o.insert("of".into(), num(of));
            }
            o.insert("as_of".into(), json!(when));
            Value::Object(o)
        };
        if strengths {
            let when = self.as_of_point(fy);
            let b = value(base, when);
            m.insert("baseline".into(), b);
            let dl = fy + self.rng.range(0, 3) as i32;
            let d = d_fy_end(&mut self.rng, dl);
            let mut t = Map::new();
            t.insert("value".into(), num(target));
            if let Some(of) = of {
                t.insert("of".into(), num(of));
            }
            t.insert("deadline".into(), json!(d));
            m.insert("target".into(), Value::Object(t));
            if self.rng.chance(0.4) {
                let e = self.texts(EFFECTS, 1, 1);
                m.insert("effects".into(), json!(e));
            }
        } else {
            let d = d_fy_start(&mut self.rng, fy);
            let mut t = Map::new();
            t.insert("value".into(), num(target));
            if let Some(of) = of {
                t.insert("of".into(), num(of));
            }
            t.insert("set_at".into(), json!(d));
            m.insert("target".into(), Value::Object(t));
            let when = if self.rng.chance(0.5) {
                d_fy_end(&mut self.rng, fy)
            } else {
                self.as_of_point(fy)
            };
            let a = value(actual, when);
            m.insert("actual".into(), a);
        }
        Value::Object(m)
    }

    /// A measuring point in or just before fiscal year `fy`: `R1.6月時点`, `2020-04` …
    fn as_of_point(&mut self, fy: i32) -> String {
        let (y, mo, d) = day_in_fy(&mut self.rng, fy - 1);
        match self.rng.below(3) {
            0 => d_day(&mut self.rng, y, mo, d),
            _ => d_month(&mut self.rng, y, mo),
        }
    }

    /// (baseline, target, actual, of) for an indicator, scaled to the region.
    fn indicator_values(&mut self, id: &str) -> (f64, f64, f64, Option<f64>) {
        let pop = self.me.population.max(30_000) as f64;
        let municipalities = self.me.municipalities;
        let r = &mut self.rng;
        match id {
            "long-term-inpatients" => {
                let b = (pop * r.uniform(0.0011, 0.0019)).round().max(5.0);
                (
                    b,
                    (b * r.uniform(0.85, 0.95)).round(),
                    (b * r.uniform(0.9, 1.02)).round(),
                    None,
                )
            }
            "discharge-rate-3m" => discharge_rate(r, (50.0, 66.0), (64, 70), (-2.0, 6.0)),
            "discharge-rate-6m" => discharge_rate(r, (74.0, 84.0), (82, 87), (-2.0, 5.0)),
            "discharge-rate-12m" => discharge_rate(r, (84.0, 90.0), (90, 92), (-1.5, 4.0)),
            "municipal-forums" => {
                // The fallback is drawn even when unused: `unwrap_or_else` would change
                // the stream.
                let of = f64::from(municipalities.unwrap_or(r.range(3, 40) as u32).max(2));
                let b = (of * r.uniform(0.1, 0.8)).round();
                let a = (b + (of - b) * r.uniform(0.0, 1.0)).round().min(of);
                (b, of, a, Some(of))
            }
            "peer-talks" => {
                let b = r.range(0, 20) as f64;
                (
                    b,
                    b + r.range(2, 20) as f64,
                    b + r.range(0, 18) as f64,
                    None,
                )
            }
            _ => {
                let scale = (pop / 50_000.0).sqrt();
                let b = (scale * r.uniform(1.0, 12.0)).round();
                let t = (b * r.uniform(1.1, 2.0)).round().max(b + 1.0);
                (b, t, (b * r.uniform(0.8, 1.8)).round(), None)
            }
        }
    }

    fn issue_row(&mut self, issue: &Phrase) -> Value {
        let i = self.t(issue);
        let n_themes = self.rng.range(1, 3) as usize;
        let themes: Vec<&str> = self
            .rng
            .pick_n(&THEMES, n_themes)
            .into_iter()
            .copied()
            .collect();
        let policies = self.numbered(POLICIES, 1, 4);
        let actors: [(&str, &[Phrase], &[Phrase]); 4] = [
            (
                "administration",
                ROLE_ADMIN,
                &[
                    ("行政側", "Administration side"),
                    ("行政", "Administration"),
                ],
            ),
            (
                "medical",
                ROLE_MEDICAL,
                &[
                    ("医療側", "Medical side"),
                    ("精神科病院", "Psychiatric hospitals"),
                ],
            ),
            (
                "providers",
                ROLE_PROVIDERS,
                &[
                    ("事業者側", "Service-provider side"),
                    ("相談支援事業所", "Consultation support offices"),
                ],
            ),
            (
                "residents",
                ROLE_RESIDENTS,
                &[
                    ("関係機関・住民等", "Other bodies, residents, etc."),
                    ("家族会・住民", "Family associations and residents"),
                ],
            ),
        ];
        let n_roles = self.rng.range(2, 4) as usize;
        let roles: Vec<Value> = actors[..n_roles]
            .iter()
            .map(|(actor, bank, labels)| {
                let mut o = Map::new();
                o.insert("actor".into(), json!(actor));
                if self.rng.chance(0.7) {
                    let l = *self.rng.pick(labels);
                    o.insert("label".into(), json!({"ja": l.0, "en": l.1}));
                }
                let text = self.pick_t(bank);
                o.insert("text".into(), text);
                Value::Object(o)
            })
            .collect();
        json!({"issue": i, "themes": themes, "policies": policies, "roles": roles})
    }

    /// Items, some with sub-items drawn from the same bank.
    fn items(&mut self, bank: &[Phrase], lo: usize, hi: usize, p_sub: f64) -> Vec<Value> {
        let k = self.rng.range(lo as i64, hi as i64) as usize;
        let chosen: Vec<Phrase> = self.rng.pick_n(bank, k).into_iter().copied().collect();
        chosen
            .iter()
            .map(|p| {
                let mut v = self.t(p);
                if self.rng.chance(p_sub) {
                    let subs = self.texts(bank, 1, 3);
                    v["sub"] = json!(subs);
                }
                v
            })
            .collect()
    }

    // --- outcomes --------------------------------------------------------------------------

    fn outcome(&mut self) -> Value {
        let fy = self.fy;
        let mut m = Map::new();
        m.insert("region".into(), json!(self.me.id));
        let v = self.outcome_title();
        m.insert("title".into(), v);
        let d = d_fy(&mut self.rng, fy);
        m.insert("fiscal_year".into(), json!(d));
        m.insert("source".into(), self.source());
        let results = self.texts(OUTCOME_RESULTS, 1, 3);
        m.insert("results".into(), json!(results));
        let n_tr = self.rng.range(1, 4);
        let trainings: Vec<Value> = (0..n_tr).map(|_| self.training()).collect();
        m.insert("trainings".into(), json!(trainings));
        let ad = self.advisor_support();
        if !ad.is_empty() {
            m.insert("advisor_support".into(), json!(ad));
        }
        if self.rng.chance(0.5) {
            let a = entries(self.texts(AREA_ACTIVITIES, 1, 2));
            m.insert("activities".into(), json!(a));
        }
        // The model areas: the region's care areas, or the region itself.
        let mut model: Vec<String> = self.sub_areas(2);
        if model.is_empty() {
            model.push(self.me.id.clone());
        }
        let areas: Vec<Value> = model.iter().map(|id| self.model_area(id)).collect();
        m.insert("areas".into(), json!(areas));
        let several = model.len() > 1;
        let discharge: Vec<Value> = model.iter().map(|id| self.discharge(id, several)).collect();
        m.insert("discharge".into(), json!(discharge));
        let np = self.texts(NEXT_POLICY, 1, 4);
        m.insert("next_policy".into(), json!(np));
        let d = d_fy(&mut self.rng, fy + 1);
        m.insert("next_policy_year".into(), json!(d));
        Value::Object(m)
    }

    fn outcome_title(&mut self) -> Value {
        let me = self.me;
        let place_ja = if me.kind == "prefecture" {
            me.ja.clone()
        } else {
            format!("{}{}", self.pref().ja, me.ja)
        };
        let place_en = if me.kind == "prefecture" {
            me.en.clone()
        } else {
            format!("{}, {}", me.en, self.pref().en)
        };
        self.text_of(
            format!("支援事業に参加した成果（{place_ja}）"),
            format!("Outcomes of taking part in the support project ({place_en})"),
        )
    }

    /// A training held (or planned) in the fiscal year, some counted over several sessions.
    fn training(&mut self) -> Value {
        let (y, mo, dd) = day_in_fy(&mut self.rng, self.fy);
        let date = d_day(&mut self.rng, y, mo, dd);
        let title = self.pick_t(TRAININGS);
        let venue = self.pick_t(VENUES);
        let mut o = Map::new();
        o.insert("date".into(), json!(date));
        o.insert("title".into(), title);
        o.insert("venue".into(), venue);
        o.insert("attendees".into(), json!(self.rng.range(12, 180)));
        if self.rng.chance(0.2) {
            o.insert("cumulative".into(), json!(true));
            o.insert("sessions".into(), json!(self.rng.range(2, 6)));
        }
        if self.rng.chance(0.1) {
            o.insert("planned".into(), json!(true));
        }
        Value::Object(o)
    }

    /// Up to two visits of the advisors in the fiscal year.
    fn advisor_support(&mut self) -> Vec<Value> {
        let n_ad = self.rng.range(0, 3);
        (0..n_ad)
            .map(|_| {
                let (y, mo, dd) = day_in_fy(&mut self.rng, self.fy);
                let date = d_day(&mut self.rng, y, mo, dd);
                let text = self.pick_t(ADVISOR);
                let venue = self.pick_t(VENUES);
                json!({"date": date, "title": text, "venue": venue})
            })
            .collect()
    }

    /// A model area's forums and activities.
    fn model_area(&mut self, id: &str) -> Value {
        let forums = entries(self.texts(AREA_FORUMS, 1, 2));
        let acts = entries(self.texts(AREA_ACTIVITIES, 1, 3));
        json!({"region": id, "forums": forums, "activities": acts})
    }

    /// Discharge support in a model area: people supported and discharged, as of a day. The
    /// line names its area when there are `several`, and sometimes anyway.
    fn discharge(&mut self, id: &str, several: bool) -> Value {
        let supported = self.rng.range(0, 25);
        let discharged = self.rng.range(0, supported);
        let (y, mo, dd) = day_in_fy(&mut self.rng, self.fy);
        let when = if self.rng.chance(0.3) {
            format!("{mo}月{dd}日")
        } else {
            d_day(&mut self.rng, y, mo, dd)
        };
        let mut o = Map::new();
        if several || self.rng.chance(0.5) {
            o.insert("region".into(), json!(id));
        }
        o.insert("supported".into(), json!(supported));
        o.insert("discharged".into(), json!(discharged));
        o.insert("as_of".into(), json!(when));
        if self.rng.chance(0.3) {
            let v = self.pick_t(DISCHARGE_NOTES);
            o.insert("note".into(), v);
        }
        Value::Object(o)
    }

    // --- cases -----------------------------------------------------------------------------

    fn case(&mut self, category: &'static str) -> Value {
        let me = self.me;
        let mut m = Map::new();
        m.insert("region".into(), json!(me.id));
        m.insert("category".into(), json!(category));
        let t = *self.rng.pick(case_titles(category));
        let v = self.t(&t);
        m.insert("title".into(), v);
        let mut themes = vec![category_theme(category)];
        let extra = self.rng.range(0, 2) as usize;
        for t in self.rng.pick_n(&THEMES, extra) {
            if !themes.contains(t) {
                themes.push(t);
            }
        }
        m.insert("themes".into(), json!(themes));
        let (cj, ce) = self.fill(&category_name(category));
        m.insert(
            "source".into(),
            json!({"ja": format!("合成データ（seed {}）{cj}に係る事業", self.seed),
                   "en": format!("Synthetic data (seed {}): projects on {ce}", self.seed)}),
        );
        let kw = self.texts(KEYWORDS, 2, 5);
        m.insert("keywords".into(), json!(kw));
        let ap = self.texts(APPEAL, 1, 3);
        m.insert("appeal_points".into(), json!(ap));
        let name = self.pick_t(FORUM_NAMES);
        let sec = self.pick_t(SECRETARIATS);
        let members = self.texts(MEMBERS, 3, 8);
        let mut forum = json!({"name": name, "secretariat": sec, "members": members});
        if self.rng.chance(0.2) {
            forum["notes"] = json!([self.prose_para(SYSTEM_BUILDING, 1, 1)]);
        }
        m.insert("forum".into(), forum);
        let v = self.prose_md(ISSUES, 2, 4);
        m.insert("regional_issues".into(), v);
        let v = self.prose_md(SYSTEM_ISSUES, 1, 2);
        m.insert("system_issues".into(), v);
        let v = self.prose_md(CASE_ACTIVITIES, 2, 5);
        m.insert("activities".into(), v);
        let v = self.prose_md(SYSTEM_BUILDING, 1, 3);
        m.insert("system_building".into(), v);
        if self.rng.chance(0.8) {
            let v = self.prose_md(EFFECTS, 1, 4);
            m.insert("effects".into(), v);
        }
        if self.rng.chance(0.6) {
            let v = self.prose_md(STRENGTHS, 1, 2);
            m.insert("system_effects".into(), v);
        }
        if self.rng.chance(0.3) {
            let n = self.rng.range(1, 2);
            let vs: Vec<Value> = (1..=n)
                .map(|i| {
                    let body = self.vignette();
                    json!({"heading": {"ja": format!("事例{i}"), "en": format!("Case {i}")}, "body": body})
                })
                .collect();
            m.insert("vignettes".into(), json!(vs));
        }
        Value::Object(m)
    }

    fn vignette(&mut self) -> Value {
        let p = *self.rng.pick(PERSONS);
        let c = *self.rng.pick(CONDITIONS);
        let (pj, pe) = self.fill(&p);
        let (cj, ce) = self.fill(&c);
        let (sj, se) = self.paragraph(STORY, 2, 4);
        self.text_of(
            format!("{pj}。{cj}。\n\n{sj}\n"),
            format!("{pe}. {ce}.\n\n{se}\n"),
        )
    }

    // --- analyses --------------------------------------------------------------------------

    fn analysis(&mut self) -> Value {
        let me = self.me;
        let mut m = Map::new();
        m.insert("region".into(), json!(me.id));
        let level = if self.rng.chance(0.8) {
            me.kind
        } else {
            *self.rng.pick(&[
                "area",
                "municipality",
                "prefecture",
                "core-city",
                "mhw-centre",
                "city-without-phc",
            ])
        };
        m.insert("level".into(), json!(level));
        m.insert("theme".into(), json!(*self.rng.pick(&THEMES)));
        let v = self.pick_t(ANALYSIS_TITLES);
        m.insert("title".into(), v);
        m.insert("source".into(), self.source());
        let v = self.prose_para(ANALYSIS_INTRO, 2, 4);
        m.insert("introduction".into(), v);
        let mut points = Map::new();
        for (i, bank) in [POINT1, POINT2, POINT3, POINT4, POINT5, POINT6]
            .iter()
            .enumerate()
        {
            let items = if i == 2 {
                self.point3()
            } else {
                self.items(bank, 2, 5, 0.12)
            };
            points.insert(format!("point{}", i + 1), json!(items));
        }
        m.insert("points".into(), Value::Object(points));
        let v = self.prose_para(ANALYSIS_SUMMARY, 1, 3);
        m.insert("summary".into(), v);
        Value::Object(m)
    }

    /// Point3 lists resources; meetings and budget lines carry sub-items.
    fn point3(&mut self) -> Vec<Value> {
        let k = self.rng.range(2, 5) as usize;
        let chosen: Vec<Phrase> = self.rng.pick_n(POINT3, k).into_iter().copied().collect();
        chosen
            .iter()
            .map(|p| {
                let mut v = self.t(p);
                let sub = match p.0 {
                    "既存の会議" => Some(POINT3_MEETINGS),
                    "財政的裏付けは以下の通り" => Some(POINT3_BUDGET),
                    _ => None,
                };
                if let Some(bank) = sub {
                    let subs = self.texts(bank, 1, bank.len());
                    v["sub"] = json!(subs);
                }
                v
            })
            .collect()
    }

    // --- practices -------------------------------------------------------------------------

    fn practice(&mut self) -> Value {
        let mut m = Map::new();
        m.insert("region".into(), json!(self.me.id));
        let v = self.pick_t(PRACTICE_TITLES);
        m.insert("title".into(), v);
        let n = self.rng.range(1, 3) as usize;
        let themes: Vec<&str> = self.rng.pick_n(&THEMES, n).into_iter().copied().collect();
        m.insert("themes".into(), json!(themes));
        m.insert("source".into(), self.source());
        let body = self.vignette();
        m.insert(
            "summary".into(),
            json!({"heading": {"ja": "個別ケースの概要", "en": "Outline of the individual case"}, "body": body}),
        );
        let irs = self.issue_responses();
        m.insert("issue_responses".into(), json!(irs));
        let o = self.texts(EFFECTS, 1, 3);
        m.insert("outcomes".into(), json!(o));
        let chart = self.stage_chart();
        m.insert("chart".into(), chart);
        let story: Vec<Value> = STAGES
            .iter()
            .map(|(stage, heading)| self.story_stage(stage, heading))
            .collect();
        m.insert("story".into(), json!(story));
        let kp = self.key_points();
        m.insert("key_points".into(), json!(kp));
        let refs = self.practice_references();
        if !refs.is_empty() {
            m.insert("references".into(), json!(refs));
        }
        Value::Object(m)
    }

    /// Two or three issues, each with all its responses.
    fn issue_responses(&mut self) -> Vec<Value> {
        let k = self.rng.range(2, 4) as usize;
        let irs: Vec<&(Phrase, &[Phrase])> = self.rng.pick_n(ISSUE_RESPONSES, k);
        irs.iter()
            .map(|(issue, responses)| {
                let i = self.t(issue);
                let r: Vec<Value> = responses.iter().map(|p| self.t(p)).collect();
                json!({"issue": i, "responses": r})
            })
            .collect()
    }

    /// The chart: two or three levels, one to three boxes per stage, a link from each stage to
    /// the next.
    fn stage_chart(&mut self) -> Value {
        let mut levels = vec![
            json!({"id": "area", "label": {"ja": "圏域レベル", "en": "Area level"}}),
            json!({"id": "municipal", "label": {"ja": "市町村レベル", "en": "Municipal level"}}),
        ];
        if self.rng.chance(0.3) {
            levels.push(json!({"id": "hospital", "label": {"ja": "医療機関", "en": "Medical institutions"}}));
        }
        let level_ids: Vec<&str> = ["area", "municipal", "hospital"][..levels.len()].to_vec();
        let (nodes, node_ids) = self.chart_nodes(&level_ids);
        let links = self.chart_links(&node_ids);
        let mut chart = json!({"levels": levels, "nodes": nodes, "links": links});
        if self.rng.chance(0.4) {
            chart["notes"] = json!([{"ja": "協議の場の機能強化", "en": "Strengthening the consultation forum's functions"}]);
        }
        chart
    }

    /// The chart's boxes, each on one of `level_ids`, and their ids stage by stage.
    fn chart_nodes(&mut self, level_ids: &[&str]) -> (Vec<Value>, Vec<Vec<String>>) {
        let mut nodes = Vec::new();
        let mut node_ids: Vec<Vec<String>> = Vec::new();
        for (s, (stage, _)) in STAGES.iter().enumerate() {
            let k = self.rng.range(1, 3) as usize;
            let texts: Vec<Phrase> = self.rng.pick_n(NODES[s], k).into_iter().copied().collect();
            let mut ids = Vec::new();
            for (j, p) in texts.iter().enumerate() {
                let id = format!("s{}-n{}", s + 1, j + 1);
                let level = *self.rng.pick(level_ids);
                let text = self.t(p);
                nodes.push(json!({"id": id, "stage": stage, "level": level, "text": text}));
                ids.push(id);
            }
            node_ids.push(ids);
        }
        (nodes, node_ids)
    }

    /// A link from a box of each stage to a box of the next, some labelled.
    fn chart_links(&mut self, node_ids: &[Vec<String>]) -> Vec<Value> {
        let mut links = Vec::new();
        for s in 0..3 {
            let from = self.rng.pick(&node_ids[s]).clone();
            let to = self.rng.pick(&node_ids[s + 1]).clone();
            let mut l = json!({"from": from, "to": to});
            if self.rng.chance(0.4) {
                l["label"] = json!({"ja": "報告", "en": "Report"});
            }
            links.push(l);
        }
        links
    }

    /// The story of one stage, with comments and callouts now and then.
    fn story_stage(&mut self, stage: &str, heading: &Phrase) -> Value {
        let h = self.t(heading);
        let body = self.prose_para(STORY, 1, 3);
        let mut o = json!({"heading": h, "stage": stage, "body": body});
        if self.rng.chance(0.4) {
            o["comments"] = json!([self.prose_para(COMMENTS, 1, 1)]);
        }
        if self.rng.chance(0.4) {
            o["points"] = json!([self.prose_para(CALLOUTS, 1, 1)]);
        }
        o
    }

    fn key_points(&mut self) -> Vec<Value> {
        (0..self.rng.range(1, 2))
            .map(|i| {
                let body = self.prose_md(POINT6, 2, 3);
                json!({"heading": {"ja": format!("基盤整備のポイント{}", i + 1), "en": format!("Key point {} in developing the base", i + 1)}, "body": body})
            })
            .collect()
    }

    /// Up to two references, each with a text.
    fn practice_references(&mut self) -> Vec<Value> {
        let k = self.rng.range(0, 2) as usize;
        let chosen: Vec<Phrase> = self
            .rng
            .pick_n(REFERENCES, k)
            .into_iter()
            .copied()
            .collect();
        chosen
            .iter()
            .map(|p| {
                let h = self.t(p);
                let body = self.prose_md(CASE_ACTIVITIES, 1, 2);
                json!({"heading": h, "body": body})
            })
            .collect()
    }
}

/// (baseline, target, actual, of) for a discharge rate in percent: the baseline drawn from
/// `base`, the target a whole percent from `target`, the actual the baseline moved by up to
/// `change` (at most 99.9).
fn discharge_rate(
    r: &mut Rng,
    base: (f64, f64),
    target: (i64, i64),
    change: (f64, f64),
) -> (f64, f64, f64, Option<f64>) {
    let pct = |x: f64| (x * 10.0).round() / 10.0;
    let b = pct(r.uniform(base.0, base.1));
    (
        b,
        r.range(target.0, target.1) as f64,
        pct((b + r.uniform(change.0, change.1)).min(99.9)),
        None,
    )
}

fn num(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn kind_ja(kind: &str) -> &'static str {
    match kind {
        "designated-city" => "政令指定都市",
        "core-city" => "中核市",
        "special-ward" => "特別区",
        "city-without-phc" => "保健所を持たない市",
        "area" => "圏域",
        _ => "市町村",
    }
}

fn kind_en(kind: &str) -> &'static str {
    match kind {
        "designated-city" => "designated city",
        "core-city" => "core city",
        "special-ward" => "special ward",
        "city-without-phc" => "city without its own public health centre",
        "area" => "care area",
        _ => "municipality",
    }
}

// ---------------------------------------------------------------------------------------------
// A small YAML writer: block mappings and sequences, `{ja: …, en: …}` flow maps for short
// texts, `|` blocks for multi-line text, JSON-escaped double-quoted scalars otherwise (JSON
// string escapes are a subset of YAML's double-quoted escapes).

fn to_yaml(v: &Value) -> String {
    let mut out = String::new();
    match v {
        Value::Object(m) => emit_map(m, 0, &mut out),
        other => {
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
    out
}

fn pad(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

fn emit_map(m: &Map<String, Value>, indent: usize, out: &mut String) {
    for (k, v) in m {
        pad(out, indent);
        out.push_str(k);
        out.push(':');
        emit_after_key(v, indent, out);
    }
}

/// Write a value after `key:` or `-` at `indent`.
fn emit_after_key(v: &Value, indent: usize, out: &mut String) {
    match v {
        Value::Object(m) if m.is_empty() => out.push_str(" {}\n"),
        Value::Array(a) if a.is_empty() => out.push_str(" []\n"),
        Value::Object(m) => match flow_text(m) {
            Some(flow) => {
                out.push(' ');
                out.push_str(&flow);
                out.push('\n');
            }
            None => {
                out.push('\n');
                emit_map(m, indent + 2, out);
            }
        },
        Value::Array(a) => {
            out.push('\n');
            emit_seq(a, indent + 2, out);
        }
        Value::String(s) if blockable(s) => emit_block(s, indent + 2, out),
        other => {
            out.push(' ');
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
}

fn emit_seq(a: &[Value], indent: usize, out: &mut String) {
    for v in a {
        pad(out, indent);
        out.push('-');
        match v {
            Value::Object(m) if !m.is_empty() && flow_text(m).is_none() => {
                for (i, (k, val)) in m.iter().enumerate() {
                    if i == 0 {
                        out.push(' ');
                    } else {
                        pad(out, indent + 2);
                    }
                    out.push_str(k);
                    out.push(':');
                    emit_after_key(val, indent + 2, out);
                }
            }
            Value::Array(inner) if !inner.is_empty() => {
                out.push('\n');
                emit_seq(inner, indent + 2, out);
            }
            other => emit_after_key(other, indent, out),
        }
    }
}

/// `{ja: "…", en: "…"}` on one line for short single-line texts.
fn flow_text(m: &Map<String, Value>) -> Option<String> {
    if m.is_empty() || m.len() > 2 {
        return None;
    }
    let mut len = 0;
    let mut parts = Vec::new();
    for (k, v) in m {
        let s = match (k.as_str(), v) {
            ("ja" | "en", Value::String(s)) if !s.contains('\n') => s,
            _ => return None,
        };
        len += s.chars().count();
        parts.push(format!("{k}: {}", quote(s)));
    }
    (len <= 90).then(|| format!("{{{}}}", parts.join(", ")))
}

fn blockable(s: &str) -> bool {
    s.contains('\n')
        && !s.starts_with([' ', '\n'])
        && !s.contains(['\r', '\t'])
        && s.chars().all(|c| !c.is_control() || c == '\n')
}

fn emit_block(s: &str, indent: usize, out: &mut String) {
    let body = s.trim_end_matches('\n');
    let trailing = s.len() - body.len();
    out.push_str(match trailing {
        0 => " |-\n",
        1 => " |\n",
        _ => " |+\n",
    });
    for line in body.split('\n') {
        if !line.is_empty() {
            pad(out, indent);
            out.push_str(line);
        }
        out.push('\n');
    }
    for _ in 1..trailing {
        out.push('\n');
    }
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).expect("strings serialise")
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) if plain_ok(s) => s.clone(),
        Value::String(s) => quote(s),
        other => other.to_string(),
    }
}

/// Ids and enum values (`gen-kitakawa-city`, `not-stated`) are written plain.
fn plain_ok(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !matches!(
            s,
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n"
        )
}
