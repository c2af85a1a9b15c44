//! `keel`: the command-line face of Keel.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
