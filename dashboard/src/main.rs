fn main() {
    leptos::mount::mount_to_body(mitreden_dashboard::App);
}
