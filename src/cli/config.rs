//! Where `ecolo` keeps profiles (desk URL, e-mail) and credentials.
//!
//! Two files in the config dir (`ECOLO_CONFIG_DIR`, else the platform's
//! config dir): `config.json` for what may be read by anyone, and
//! `credentials.json` for tokens, created with mode 0600 before a byte of it
//! is written, and replaced atomically so a crash never leaves half a file.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context};
use serde::{Deserialize, Serialize};

pub const DEFAULT_PROFILE: &str = "default";
const CONFIG_FILE: &str = "config.json";
const CREDENTIALS_FILE: &str = "credentials.json";

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ProfileConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct ConfigFile {
    /// `es` or `en` for every profile (`ecolo config set language`); a
    /// person's language does not change with the desk they talk to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    language: Option<String>,
    #[serde(default)]
    profiles: BTreeMap<String, ProfileConfig>,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct Credential {
    pub token: String,
    /// How the token was obtained, which decides whether logout may revoke
    /// it. `None` in files written before ecolo recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CredentialKind>,
}

/// Where stored credentials came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CredentialKind {
    /// `ecolo login` with a password: a session of this login alone, so
    /// logout revokes it on the desk.
    Session,
    /// `ecolo login --with-token`: a token made elsewhere (`ecolo token
    /// create`, CI) that others may still use, so logout only forgets it.
    Token,
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Credential(<redacted>)")
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct CredentialsFile {
    #[serde(default)]
    profiles: BTreeMap<String, Credential>,
}

/// The config dir and what it holds.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// `ECOLO_CONFIG_DIR`, else e.g. `~/.config/ecolo`.
    pub fn locate() -> anyhow::Result<Store> {
        if let Some(dir) = std::env::var_os("ECOLO_CONFIG_DIR").filter(|d| !d.is_empty()) {
            return Ok(Store { dir: dir.into() });
        }
        let dirs = directories::ProjectDirs::from("", "", "ecolo")
            .ok_or_else(|| anyhow!(crate::t!("config-no-home")))?;
        Ok(Store {
            dir: dirs.config_dir().to_path_buf(),
        })
    }

    pub fn at(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn credentials_path(&self) -> PathBuf {
        self.dir.join(CREDENTIALS_FILE)
    }

    pub fn profile(&self, name: &str) -> anyhow::Result<ProfileConfig> {
        Ok(self
            .read_config()?
            .profiles
            .get(name)
            .cloned()
            .unwrap_or_default())
    }

    pub fn set_profile(&self, name: &str, profile: ProfileConfig) -> anyhow::Result<()> {
        let mut cfg = self.read_config()?;
        cfg.profiles.insert(name.to_string(), profile);
        self.write(CONFIG_FILE, &serde_json::to_vec_pretty(&cfg)?, 0o644)
    }

    /// The `language` setting; a value this version does not know reads
    /// as none (the locale decides).
    pub fn language(&self) -> anyhow::Result<Option<crate::i18n::Lang>> {
        Ok(self
            .read_config()?
            .language
            .as_deref()
            .and_then(crate::i18n::Lang::parse))
    }

    /// Sets (or, with `None`, removes) the `language` setting.
    pub fn set_language(&self, lang: Option<crate::i18n::Lang>) -> anyhow::Result<()> {
        let mut cfg = self.read_config()?;
        cfg.language = lang.map(|l| l.code().to_string());
        self.write(CONFIG_FILE, &serde_json::to_vec_pretty(&cfg)?, 0o644)
    }

    pub fn credential(&self, profile: &str) -> anyhow::Result<Option<Credential>> {
        Ok(self.read_credentials()?.profiles.remove(profile))
    }

    pub fn set_credential(&self, profile: &str, cred: Credential) -> anyhow::Result<()> {
        let mut creds = self.read_credentials()?;
        creds.profiles.insert(profile.to_string(), cred);
        self.write(CREDENTIALS_FILE, &serde_json::to_vec_pretty(&creds)?, 0o600)
    }

    /// Forgets the profile's token; returns whether there was one.
    pub fn remove_credential(&self, profile: &str) -> anyhow::Result<bool> {
        let mut creds = self.read_credentials()?;
        let had = creds.profiles.remove(profile).is_some();
        if had {
            self.write(CREDENTIALS_FILE, &serde_json::to_vec_pretty(&creds)?, 0o600)?;
        }
        Ok(had)
    }

    fn read_config(&self) -> anyhow::Result<ConfigFile> {
        read_json(&self.dir.join(CONFIG_FILE))
    }

    fn read_credentials(&self) -> anyhow::Result<CredentialsFile> {
        read_json(&self.credentials_path())
    }

    /// Writes `name` atomically: a new temp file with `mode` from the
    /// start, then a rename over the old one.
    fn write(&self, name: &str, bytes: &[u8], mode: u32) -> anyhow::Result<()> {
        create_private_dir(&self.dir)?;
        let path = self.dir.join(name);
        let tmp = self.dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let _ = fs::remove_file(&tmp);
        let mut opts = fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(mode);
        }
        #[cfg(not(unix))]
        let _ = mode;
        let result = (|| -> std::io::Result<()> {
            let mut f = opts.open(&tmp)?;
            f.write_all(bytes)?;
            f.write_all(b"\n")?;
            f.sync_all()?;
            fs::rename(&tmp, &path)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result.with_context(|| crate::t!("config-cannot-write", path = path.display().to_string()))
    }
}

fn read_json<T: Default + serde::de::DeserializeOwned>(path: &Path) -> anyhow::Result<T> {
    match fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .with_context(|| crate::t!("config-damaged", path = path.display().to_string())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(T::default()),
        Err(e) => {
            Err(e).with_context(|| crate::t!("file-cannot-read", path = path.display().to_string()))
        }
    }
}

fn create_private_dir(dir: &Path) -> anyhow::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .with_context(|| crate::t!("download-cannot-create", path = dir.display().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_round_trip_private() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join("nested"));
        assert!(store.credential("default").unwrap().is_none());
        store
            .set_credential(
                "default",
                Credential {
                    token: "ecolo_x".into(),
                    kind: Some(CredentialKind::Token),
                },
            )
            .unwrap();
        let cred = store.credential("default").unwrap().unwrap();
        assert_eq!(cred.token, "ecolo_x");
        assert_eq!(cred.kind, Some(CredentialKind::Token));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(store.credentials_path())
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(store.remove_credential("default").unwrap());
        assert!(!store.remove_credential("default").unwrap());
    }

    #[test]
    fn credentials_without_a_kind_still_read() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        fs::write(
            store.credentials_path(),
            r#"{"profiles":{"default":{"token":"ecolo_old"}}}"#,
        )
        .unwrap();
        let cred = store.credential("default").unwrap().unwrap();
        assert_eq!(cred.token, "ecolo_old");
        assert_eq!(cred.kind, None);
    }
}
