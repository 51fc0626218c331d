//! `nutgraf URL` and `--url`: every way a fetch can go, against a server on 127.0.0.1 that each test
//! starts itself (never the internet). Each failure is one line on stderr that names the URL, and exit
//! code 2, as the README documents.
#![cfg(feature = "fetch")]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use assert_cmd::Command;

/// What the test server sends for one request: status line, headers and body.
struct Reply {
    status: &'static str,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    /// Wait this long before answering (the slow server).
    delay: Duration,
}

impl Reply {
    fn new(status: &'static str, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type".to_owned(), content_type.to_owned())],
            body: body.into(),
            delay: Duration::ZERO,
        }
    }

    fn redirect(to: &str) -> Reply {
        Reply {
            status: "302 Found",
            headers: vec![("Location".to_owned(), to.to_owned())],
            body: Vec::new(),
            delay: Duration::ZERO,
        }
    }
}

/// Starts a server on a free port of 127.0.0.1 that answers each request with `route(path)`, and returns
/// its base URL. The thread serves until the test process ends.
fn serve(route: impl Fn(&str) -> Reply + Send + Sync + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binding a local port");
    let address = listener.local_addr().expect("local address");
    let route = std::sync::Arc::new(route);
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let route = std::sync::Arc::clone(&route);
            thread::spawn(move || {
                let _ = answer(stream, &*route);
            });
        }
    });
    format!("http://{address}")
}

/// Reads one request and sends the reply `route` gives for its path, then closes the connection.
fn answer(stream: TcpStream, route: &dyn Fn(&str) -> Reply) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // The headers, up to the blank line; the requests carry no body.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let reply = route(&path);
    thread::sleep(reply.delay);
    let mut stream = stream;
    let mut head =
        format!("HTTP/1.1 {}\r\nContent-Length: {}\r\nConnection: close\r\n", reply.status, reply.body.len());
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(&reply.body)?;
    stream.flush()
}

const ARTICLE: &str = "The harbour at Port Ellen reopened on Monday after a storm closed it for a week.\n\n\
     Fishing boats returned to their berths in the morning, and the ferry to the mainland ran on time.\n\n\
     The harbour master said repairs to the north wall would take until the spring.\n";

fn nutgraf() -> Command {
    Command::cargo_bin("nutgraf").expect("the nutgraf binary")
}

/// Runs nutgraf with `args` and returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let output = nutgraf().args(args).timeout(Duration::from_secs(60)).output().expect("running nutgraf");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A failure: exit code 2 and one line on stderr that names the URL and says `what`.
fn assert_fails(args: &[&str], url: &str, what: &str) {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 2, "stderr: {stderr}");
    assert!(stdout.is_empty(), "stdout: {stdout}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(url) && stderr.contains(what), "{stderr:?} should name {url} and say {what:?}");
}

#[test]
fn a_page_is_fetched_and_summarized() {
    let base = serve(|_| Reply::new("200 OK", "text/html; charset=utf-8", ARTICLE));
    let url = format!("{base}/story");
    let (code, stdout, stderr) = run(&["-n", "1", &url]);
    assert_eq!(code, 0, "stderr: {stderr}");
    assert_eq!(stdout.trim(), "The harbour at Port Ellen reopened on Monday after a storm closed it for a week.");
    let (code, stdout, _) = run(&["-n", "1", "--url", &url]);
    assert_eq!((code, stdout.lines().count()), (0, 1));
}

#[test]
fn the_user_agent_names_nutgraf_and_gzip_is_accepted() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binding a local port");
    let address = listener.local_addr().expect("local address");
    let seen = thread::spawn(move || {
        let (stream, _) = listener.accept().expect("a request");
        let mut head = String::new();
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        let mut line = String::new();
        while reader.read_line(&mut line).unwrap_or(0) > 2 {
            head.push_str(&line);
            line.clear();
        }
        let mut stream = stream;
        let body = ARTICLE.as_bytes();
        let reply = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(reply.as_bytes()).and_then(|()| stream.write_all(body));
        head.to_ascii_lowercase()
    });
    let (code, _, stderr) = run(&[&format!("http://{address}/")]);
    assert_eq!(code, 0, "stderr: {stderr}");
    let head = seen.join().expect("the server thread");
    assert!(head.contains("user-agent: nutgraf/"), "{head}");
    assert!(head.contains("accept-encoding: gzip"), "{head}");
}

#[test]
fn a_gzip_body_is_decompressed() {
    use flate2::{Compression, write::GzEncoder};
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(ARTICLE.as_bytes()).expect("compressing");
    let compressed = encoder.finish().expect("compressing");
    let base = serve(move |_| {
        let mut reply = Reply::new("200 OK", "text/plain", compressed.clone());
        reply.headers.push(("Content-Encoding".to_owned(), "gzip".to_owned()));
        reply
    });
    let (code, stdout, stderr) = run(&["-n", "1", &format!("{base}/")]);
    assert_eq!(code, 0, "stderr: {stderr}");
    assert!(stdout.contains("Port Ellen reopened"), "{stdout}");
}

#[test]
fn a_missing_page_is_a_one_line_error() {
    let base = serve(|_| Reply::new("404 Not Found", "text/html", "<h1>Not found</h1>"));
    let url = format!("{base}/gone");
    assert_fails(&[&url], &url, "404 Not Found");
}

#[test]
fn a_redirect_chain_is_followed() {
    let base = serve(|path| match path {
        "/a" => Reply::redirect("/b"),
        "/b" => Reply::redirect("/c"),
        "/c" => Reply::redirect("/story"),
        _ => Reply::new("200 OK", "text/plain", ARTICLE),
    });
    let (code, stdout, stderr) = run(&["-n", "1", &format!("{base}/a")]);
    assert_eq!(code, 0, "stderr: {stderr}");
    assert!(stdout.contains("Port Ellen reopened"), "{stdout}");
}

#[test]
fn a_redirect_loop_is_a_one_line_error() {
    let base = serve(|path| if path == "/a" { Reply::redirect("/b") } else { Reply::redirect("/a") });
    let url = format!("{base}/a");
    assert_fails(&[&url], &url, "redirects");
}

#[test]
fn a_slow_server_times_out() {
    let base = serve(|_| {
        let mut reply = Reply::new("200 OK", "text/plain", ARTICLE);
        reply.delay = Duration::from_secs(5);
        reply
    });
    let url = format!("{base}/slow");
    let started = Instant::now();
    assert_fails(&["--fetch-timeout", "0.3", &url], &url, "timed out");
    assert!(started.elapsed() < Duration::from_secs(4), "took {:?}", started.elapsed());
}

#[test]
fn a_huge_body_is_refused_at_the_cap() {
    let base = serve(|_| Reply::new("200 OK", "text/plain", "word ".repeat(1 << 20)));
    let url = format!("{base}/huge");
    assert_fails(&["--fetch-max-bytes", "1048576", &url], &url, "larger than 1 MiB");
}

#[test]
fn a_pdf_or_an_image_is_refused() {
    let base = serve(|path| {
        if path == "/report.pdf" {
            Reply::new("200 OK", "application/pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3".to_vec())
        } else {
            Reply::new("200 OK", "image/png", b"\x89PNG\r\n\x1a\n".to_vec())
        }
    });
    let pdf = format!("{base}/report.pdf");
    assert_fails(&[&pdf], &pdf, "application/pdf is not a web page or text");
    let png = format!("{base}/photo.png");
    assert_fails(&[&png], &png, "image/png");
}

#[test]
fn a_latin1_page_is_decoded_from_its_header_or_its_meta_tag() {
    let latin1: Vec<u8> = "Le café de la gare a rouvert lundi après une semaine de travaux dans la salle.\n"
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character"))
        .collect();
    let in_meta = [b"<meta charset=\"iso-8859-1\">\n".to_vec(), latin1.clone()].concat();
    let base = serve(move |path| {
        if path == "/header" {
            Reply::new("200 OK", "text/plain; charset=ISO-8859-1", latin1.clone())
        } else {
            Reply::new("200 OK", "text/html", in_meta.clone())
        }
    });
    for path in ["/header", "/meta"] {
        let (code, stdout, stderr) = run(&["--language", "french", &format!("{base}{path}")]);
        assert_eq!(code, 0, "{path}: {stderr}");
        assert!(stdout.contains("Le café de la gare a rouvert lundi après une semaine"), "{path}: {stdout}");
    }
}

#[test]
fn a_refused_connection_and_a_bad_url_are_one_line_errors() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binding a local port");
    let url = format!("http://{}/", listener.local_addr().expect("local address"));
    drop(listener);
    let (code, _, stderr) = run(&[&url]);
    assert_eq!((code, stderr.lines().count()), (2, 1), "{stderr}");
    assert!(stderr.contains(&url), "{stderr}");
    let (code, _, stderr) = run(&["--url", "ftp://example.com/file"]);
    assert_eq!((code, stderr.lines().count()), (2, 1), "{stderr}");
    assert!(stderr.contains("not an http:// or https:// URL"), "{stderr}");
}

#[test]
fn several_pages_and_a_failure_give_the_briefs_that_worked_and_exit_two() {
    let base = serve(|path| match path {
        "/gone" => Reply::new("404 Not Found", "text/plain", "gone"),
        _ => Reply::new("200 OK", "text/plain", ARTICLE),
    });
    let (code, stdout, stderr) = run(&["-n", "1", &format!("{base}/story"), &format!("{base}/gone")]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.contains("Port Ellen reopened"), "{stdout}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}
