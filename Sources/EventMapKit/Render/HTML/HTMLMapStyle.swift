/// The page's style sheet: system fonts only (no web fonts), a map beside a control panel that
/// stacks under it on narrow screens.
enum HTMLMapStyle {
    static let css = #"""
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font: 13px/1.35 "DejaVu Sans", Verdana, Arial, sans-serif; color: #1a1a1a; background: #ffffff; }
body { display: flex; flex-direction: column; }
header { padding: 6px 12px; border-bottom: 1px solid #cccccc; }
header h1 { font-size: 17px; margin: 0; }
header p { margin: 2px 0 0; color: #444444; font-size: 12px; }
#app { flex: 1; display: flex; min-height: 0; }
#map-wrap { position: relative; flex: 1; min-width: 0; min-height: 320px; }
#map { display: block; cursor: grab; outline: none; }
#map:focus-visible { box-shadow: inset 0 0 0 3px #1f4e9c; }
#count { position: absolute; left: 8px; top: 8px; background: rgba(255,255,255,.92); padding: 3px 8px; border: 1px solid #999999; font-weight: bold; }
#zoom { position: absolute; right: 8px; top: 8px; display: flex; flex-direction: column; gap: 2px; }
#zoom button { width: 30px; height: 28px; font-size: 16px; }
#scale { position: absolute; left: 8px; bottom: 8px; background: rgba(255,255,255,.9); padding: 3px 6px; font-size: 11px; }
#scale-bar { height: 6px; border: 1px solid #1a1a1a; border-top: 0; margin-top: 2px; }
aside { width: 340px; overflow-y: auto; border-left: 1px solid #cccccc; padding: 8px 10px; }
aside h2 { font-size: 13px; margin: 10px 0 4px; }
fieldset { border: 1px solid #dddddd; margin: 0 0 6px; padding: 4px 8px 8px; }
legend { font-weight: bold; }
label { display: block; margin: 3px 0; }
select, input[type=text], input[type=number] { width: 100%; font: inherit; }
input[type=range] { width: 100%; }
.row { display: flex; gap: 6px; align-items: center; }
.row > * { flex: 1; }
#time-label { font-weight: bold; }
.ends { display: flex; justify-content: space-between; font-size: 11px; color: #555555; }
#popup { border: 2px solid #1f4e9c; padding: 6px 8px; margin: 6px 0; background: #f7f9fc; }
#popup h3 { margin: 0 0 4px; font-size: 14px; }
#popup h4 { margin: 6px 0 2px; font-size: 12px; }
#popup th { text-align: left; vertical-align: top; padding-right: 6px; white-space: nowrap; font-weight: normal; color: #555555; }
#popup td { overflow-wrap: anywhere; }
.claims { padding-left: 16px; margin: 2px 0; }
.claims a { display: block; overflow-wrap: anywhere; font-size: 11px; }
.claim-title { font-style: italic; font-size: 11px; }
#event-list { list-style: none; padding: 0; margin: 0; }
#event-list button { width: 100%; text-align: left; font: inherit; font-size: 12px; margin: 1px 0; background: #ffffff; border: 1px solid #dddddd; }
#event-list button:focus { outline: 2px solid #1f4e9c; }
#legend { list-style: none; padding: 0; margin: 0; font-size: 12px; }
#legend li { display: flex; align-items: flex-start; gap: 6px; margin: 2px 0; }
.sw { flex: none; display: inline-block; width: 22px; height: 12px; margin-top: 2px; border: 1px solid transparent; }
.sw.line { height: 0; border: 0; border-top: 2px solid #000000; margin-top: 8px; }
.sw.marker { width: 11px; height: 11px; border-radius: 50%; margin: 2px 6px 0 5px; }
footer { border-top: 1px solid #cccccc; padding: 4px 12px; font-size: 10.5px; color: #444444; max-height: 9em; overflow-y: auto; }
footer p { margin: 1px 0; }
@media (max-width: 760px) { #app { flex-direction: column; } aside { width: auto; border-left: 0; border-top: 1px solid #cccccc; } }
"""#
}
