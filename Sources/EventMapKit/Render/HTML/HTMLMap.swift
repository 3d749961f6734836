import GeoCore

/// The interactive offline map: one self-contained HTML page (data, script and style inline;
/// no CDN, tiles, web fonts or any request) that works from `file://`. A Content-Security-Policy
/// of `default-src 'none'` makes the browser refuse any fetch the page might try.
public enum HTMLMap {
    /// The page for `input`; coordinates are projected by PROJ into the map's frame (transverse
    /// Mercator centred on the focus, as the SVG maps, unless `input.projection` says otherwise).
    public static func page(_ input: HTMLMapInput, context: PROJContext) throws -> String {
        let frame = try MapFrame.make(fitting: input.focus + input.events.map(\.position),
                                      request: MapFrameRequest(projection: input.projection), origin: PixelPoint(x: 0, y: 0), context: context)
        var data = HTMLMapData(transformer: frame.transformer)
        var layers: [String] = []
        for l in input.layers where !l.features.isEmpty { layers.append(try data.layer(l)) }
        let events = try data.events(input.events)
        let extent = [frame.projectedMin.x, frame.projectedMin.y, frame.projectedMax.x, frame.projectedMax.y].map { String(Int($0.rounded())) }
        let json = "{\"projection\":\(HTMLMapData.json(frame.projection)),\"extent\":[\(extent.joined(separator: ","))],"
            + "\"layers\":[\(layers.joined(separator: ",\n"))],\n\"events\":\(events),\n\"strings\":\(data.stringTable)}"
        let esc = XMLText.escape
        let precisions = (1...7).map { "<option value=\"\($0)\"\($0 == 7 ? " selected" : "")>where_prec ≤ \($0)\($0 == 7 ? " (all)" : $0 == 2 ? " (within 25 km)" : "")</option>" }.joined()
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
        <title>\(esc(input.title))</title>
        <style>\(HTMLMapStyle.css)</style>
        </head>
        <body>
        <header><h1>\(esc(input.title))</h1><p>\(esc(input.subtitle))</p></header>
        <div id="app">
        <div id="map-wrap">
        <canvas id="map" tabindex="0" aria-label="Map of the events: drag or arrow keys to pan, wheel or + and - to zoom, click an event for its reports"></canvas>
        <div id="count" role="status" aria-live="polite" data-count="0"></div>
        <div id="zoom"><button id="zoom-in" type="button" aria-label="Zoom in">+</button><button id="zoom-out" type="button" aria-label="Zoom out">−</button><button id="zoom-fit" type="button" aria-label="Show everything">⤢</button></div>
        <div id="scale"><span id="scale-text"></span> <span class="note">(true at the projection's centre)</span><div id="scale-bar"></div></div>
        </div>
        <aside>
        <fieldset><legend>Time</legend>
        <div id="time-label"></div>
        <input id="time" type="range" step="1" aria-label="Date">
        <div class="ends"><span id="time-start"></span><span id="time-end"></span></div>
        <div class="row"><button id="play" type="button">Play</button>
        <label>Speed <select id="speed"><option value="1">1 day/step</option><option value="7" selected>1 week/step</option><option value="30">30 days/step</option></select></label></div>
        <div class="row"><label>Show <select id="mode"><option value="cumulative" selected>cumulative</option><option value="window">moving window</option></select></label>
        <label>Window <select id="window"><option value="7">7 days</option><option value="30" selected>30 days</option><option value="90">90 days</option><option value="365">365 days</option></select></label></div>
        <p class="ends">An event dated to a range, a week or a month is shown for all of it.</p>
        </fieldset>
        <fieldset><legend>Filters</legend>
        <label>Event type <select id="type"><option value="">all types</option></select></label>
        <label>Sub-type <select id="sub"></select></label>
        <label>Actor contains <input id="actor" type="text" placeholder="e.g. Russia"></label>
        <div class="row"><label>Min. killed (best) <input id="minkilled" type="number" min="0" value="0"></label>
        <label>Location <select id="prec">\(precisions)</select></label></div>
        </fieldset>
        <div id="popup" hidden></div>
        <h2>Largest events in view</h2>
        <ul id="event-list"></ul>
        <h2>Legend</h2>
        <ul id="legend"></ul>
        </aside>
        </div>
        <footer id="attribution">\(input.attribution.map { "<p>\(esc($0))</p>" }.joined())<p>Map drawn in \(esc(frame.projection)); no tiles or network: basemap from the bundled country polygons.</p></footer>
        <script id="map-data" type="application/json">\(json)</script>
        <script>\(HTMLMapScript.source)</script>
        </body>
        </html>

        """
    }
}
