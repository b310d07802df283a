// The facade re-exports the value types and the stage APIs other Swift tools need.
@_exported import ArticleIngest
@_exported import CrossReference
@_exported import LanguageData
@_exported import QuantityRecognition
@_exported import Reporting
@_exported import ClaimStore
