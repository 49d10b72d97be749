import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {writeFolder} from '../../pipeline/write/index.ts'
import {copyProject, removeProject} from '../helpers/project.ts'

describe('writeFolder', () => {
  let root: string
  beforeEach(async () => {
    root = await copyProject()
  })
  afterEach(async () => removeProject(root))

  it('should replace the folder with exactly the new files', async () => {
    const target = path.join(root, 'out/draft')
    await mkdir(target, {recursive: true})
    await writeFile(path.join(target, 'stale.csv'), 'old')
    writeFolder(target, new Map([['a.csv', 'x\n'], ['b.json', '[]\n']]))
    expect((await readdir(target)).sort()).toEqual(['a.csv', 'b.json'])
    expect(await readFile(path.join(target, 'a.csv'), 'utf8')).toBe('x\n')
    expect((await readdir(path.join(root, 'out'))).sort()).toEqual(['draft'])
  })

  it('should leave the old folder as it was when a file cannot be written', async () => {
    const target = path.join(root, 'out/draft')
    await mkdir(target, {recursive: true})
    await writeFile(path.join(target, 'keep.csv'), 'old')
    // A path that needs a folder where a file is: the write fails part-way.
    expect(() => writeFolder(target, new Map([['a.csv', 'x'], ['a.csv/b.csv', 'y']]))).toThrow()
    expect(await readdir(target)).toEqual(['keep.csv'])
    expect(await readFile(path.join(target, 'keep.csv'), 'utf8')).toBe('old')
    expect((await readdir(path.join(root, 'out'))).sort()).toEqual(['draft'])
  })

  it('should take files as they are made, each in pieces', async () => {
    const target = path.join(root, 'out/draft')
    function* made(): Generator<[string, Iterable<string>]> {
      yield ['a.csv', ['x,', 'y\n']]
      yield ['b.json', (function* () { yield '['; yield ']\n' })()]
    }
    writeFolder(target, made())
    expect(await readFile(path.join(target, 'a.csv'), 'utf8')).toBe('x,y\n')
    expect(await readFile(path.join(target, 'b.json'), 'utf8')).toBe('[]\n')
  })

  it('should leave the old folder as it was when making a file fails part-way', async () => {
    const target = path.join(root, 'out/draft')
    await mkdir(target, {recursive: true})
    await writeFile(path.join(target, 'keep.csv'), 'old')
    function* made(): Generator<[string, Iterable<string>]> {
      yield ['a.csv', ['complete\n']]
      yield ['b.csv', (function* () { yield 'half'; throw new Error('render failed') })()]
    }
    expect(() => writeFolder(target, made())).toThrow('render failed')
    expect(await readdir(target)).toEqual(['keep.csv'])
    expect((await readdir(path.join(root, 'out'))).sort()).toEqual(['draft'])
  })
})
