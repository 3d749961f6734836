@_exported import GeoCore
