// Starts the staff dashboard: its glue loads the WebAssembly module beside this file, whose
// start function mounts the app into the page's body (dashboard/src/main.rs).
import init from "./mitreden-dashboard.js";

init();
