"""共通機能 in the reference vendor (共通機能標準仕様書 第2.1版): ``jutogai``, the 住登外者宛名番号付番 API and its
OAuth2 token endpoint."""
