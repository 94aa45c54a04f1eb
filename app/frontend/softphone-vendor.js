// The browser bundle's entry: window.JsSIP is JsSIP's CommonJS main module.
module.exports = require('jssip');
