import test from 'node:test'
import assert from 'node:assert/strict'
import {gazetteer} from './gazetteer.js'

test('names, spellings and demonyms mean a place', async (t) => {
  const table: [key: string, name: string, country?: string][] = [
    ['united states', 'United States'], ['usa', 'United States'], ['us', 'United States'], ['american', 'United States'],
    ['americans', 'United States'], ['north korean', 'North Korea'], ['dutch', 'Netherlands'], ['britain', 'United Kingdom'],
    ['uk', 'United Kingdom'], ['holland', 'Netherlands'], ['ivory coast', 'Ivory Coast'], ['saudi', 'Saudi Arabia'],
    ['west german', 'West Germany'], ['soviet', 'Soviet Union'], ['ussr', 'Soviet Union'], ['europe', 'Europe'],
    ['tokyo', 'Tokyo', 'Japan'], ['new york', 'New York', 'United States'], ['washington', 'Washington', 'United States'],
    ['peking', 'Beijing', 'China'], ['california', 'California', 'United States'], ['alberta', 'Alberta', 'Canada'],
  ]
  for (const [key, name, country] of table) {
    await t.test(key, () => {
      const place = gazetteer().places.get(key)
      assert.equal(place?.name, name)
      assert.equal(place?.country, country)
    })
  }
})

test('two-letter country codes and empty demonyms are not names', () => {
  for (const key of ['in', 'as', 'it', 'be', 'no', 's', '']) assert.equal(gazetteer().places.get(key), undefined, key)
})

test('cities of one name are listed most populous first', () => {
  const richmonds = gazetteer().cities.get('richmond') ?? []
  assert.ok(richmonds.length > 1)
  for (let index = 1; index < richmonds.length; index++) assert.ok(richmonds[index - 1]!.population >= richmonds[index]!.population)
})
