/**
 * commands.html, the manifest's FunctionFile. The ribbon button only opens the task pane
 * (ShowTaskpane), so there are no function commands; Office still loads this page and expects
 * office.js to initialise in it.
 */
void Office.onReady();
