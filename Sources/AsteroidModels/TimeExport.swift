/// `RFC3339` (the API's `date-time` format) lives in the leaf module AstTime, shared with the language;
/// re-exported so `import AsteroidModels` (and AsteroidClient) keeps offering it to library users.
@_exported import AstTime
