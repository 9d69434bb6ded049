#!/usr/bin/env python3
# Writes the tiny test models for tests/asset: glb with embedded PNGs, gltf+bin+png, obj+mtl, dae, fbx.
# Standard library only; rerun it to regenerate the committed files, never edit them by hand.
import json
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def png(width, height, pixel):
    """Encodes an RGBA8 PNG; pixel(x, y) returns a 4-tuple."""
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        for x in range(width):
            raw.extend(pixel(x, y))

    def chunk(tag, data):
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) +
            chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def checker(x, y):
    return (255, 255, 255, 255) if (x + y) % 2 == 0 else (200, 30, 30, 255)


def metal_rough(x, y):
    return (0, 128, 64, 255)


def flat_normal(x, y):
    return (128, 128, 255, 255)


# A unit cube as 6 faces x 4 vertices: (position, normal, uv).
FACES = [
    ((1, 0, 0), (0, 0, -1), (0, 1, 0)),
    ((-1, 0, 0), (0, 0, 1), (0, 1, 0)),
    ((0, 1, 0), (1, 0, 0), (0, 0, -1)),
    ((0, -1, 0), (1, 0, 0), (0, 0, 1)),
    ((0, 0, 1), (1, 0, 0), (0, 1, 0)),
    ((0, 0, -1), (-1, 0, 0), (0, 1, 0)),
]


def cube(half=(0.5, 0.5, 0.5)):
    positions, normals, uvs, indices = [], [], [], []
    for n, u, v in FACES:
        base = len(positions)
        for (su, sv), uv in zip(((-1, -1), (1, -1), (1, 1), (-1, 1)),
                                ((0, 1), (1, 1), (1, 0), (0, 0))):
            p = [(n[i] + su * u[i] + sv * v[i]) * half[i] for i in range(3)]
            positions.append(p)
            normals.append(list(n))
            uvs.append(list(uv))
        indices += [base, base + 1, base + 2, base, base + 2, base + 3]
    return positions, normals, uvs, indices


def pad4(data, fill=b"\0"):
    return data + fill * ((4 - len(data) % 4) % 4)


def gltf_document(embed_images):
    """Returns (json dict, binary buffer) for the textured cube with a two-level hierarchy."""
    positions, normals, uvs, indices = cube()
    blob = bytearray()
    views = []

    def add_view(data, target=None):
        offset = len(blob)
        blob.extend(pad4(data))
        view = {"buffer": 0, "byteOffset": offset, "byteLength": len(data)}
        if target:
            view["target"] = target
        views.append(view)
        return len(views) - 1

    flat = lambda rows: b"".join(struct.pack("<%df" % len(r), *r) for r in rows)
    pos_view = add_view(flat(positions), 34962)
    nrm_view = add_view(flat(normals), 34962)
    uv_view = add_view(flat(uvs), 34962)
    idx_view = add_view(struct.pack("<%dH" % len(indices), *indices), 34963)
    accessors = [
        {"bufferView": pos_view, "componentType": 5126, "count": 24, "type": "VEC3",
         "min": [-0.5, -0.5, -0.5], "max": [0.5, 0.5, 0.5]},
        {"bufferView": nrm_view, "componentType": 5126, "count": 24, "type": "VEC3"},
        {"bufferView": uv_view, "componentType": 5126, "count": 24, "type": "VEC2"},
        {"bufferView": idx_view, "componentType": 5123, "count": 36, "type": "SCALAR"},
    ]
    pngs = [("checker.png", png(4, 4, checker)), ("metal_rough.png", png(2, 2, metal_rough)),
            ("normal.png", png(2, 2, flat_normal))]
    images = []
    for name, data in pngs:
        if embed_images:
            images.append({"bufferView": add_view(data), "mimeType": "image/png", "name": name})
        else:
            images.append({"uri": name})
    doc = {
        "asset": {"version": "2.0", "generator": "fairground assets/test-models/generate.py"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [
            {"name": "root", "children": [1], "scale": [2.0, 2.0, 2.0]},
            {"name": "cube", "mesh": 0, "translation": [0.0, 0.5, 0.0]},
        ],
        "meshes": [{"name": "cube", "primitives": [{
            "attributes": {"POSITION": 0, "NORMAL": 1, "TEXCOORD_0": 2},
            "indices": 3, "material": 0}]}],
        "materials": [{
            "name": "painted",
            "pbrMetallicRoughness": {
                "baseColorFactor": [1.0, 0.8, 0.6, 1.0], "baseColorTexture": {"index": 0},
                "metallicFactor": 0.25, "roughnessFactor": 0.75,
                "metallicRoughnessTexture": {"index": 1}},
            "normalTexture": {"index": 2},
            "emissiveFactor": [0.1, 0.2, 0.3], "emissiveTexture": {"index": 0},
            "alphaMode": "MASK", "alphaCutoff": 0.3, "doubleSided": True}],
        "textures": [{"source": i} for i in range(3)],
        "images": images,
        "accessors": accessors,
        "bufferViews": views,
        "buffers": [{"byteLength": len(blob)}],
    }
    return doc, bytes(blob), pngs


def write(name, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(HERE, name), mode) as f:
        f.write(data)


def write_glb():
    doc, blob, _ = gltf_document(embed_images=True)
    text = pad4(json.dumps(doc, separators=(",", ":")).encode(), b" ")
    body = (struct.pack("<I4s", len(text), b"JSON") + text +
            struct.pack("<I4s", len(blob), b"BIN\0") + blob)
    write("cube.glb", struct.pack("<4sII", b"glTF", 2, 12 + len(body)) + body)


def write_gltf():
    doc, blob, pngs = gltf_document(embed_images=False)
    doc["buffers"][0]["uri"] = "cube.bin"
    write("cube.gltf", json.dumps(doc, indent=1) + "\n")
    write("cube.bin", blob)
    for name, data in pngs:
        write(name, data)


def write_obj():
    positions, normals, uvs, indices = cube()
    lines = ["# generated by generate.py", "mtllib cube.mtl", "o cube", "usemtl painted"]
    lines += ["v %g %g %g" % tuple(p) for p in positions]
    lines += ["vt %g %g" % (u, 1 - v) for u, v in uvs]  # OBJ's v axis points up
    lines += ["vn %g %g %g" % tuple(n) for n in normals]
    for i in range(0, len(indices), 3):
        lines.append("f " + " ".join("%d/%d/%d" % ((k + 1,) * 3) for k in indices[i:i + 3]))
    write("cube.obj", "\n".join(lines) + "\n")
    write("cube.mtl", "newmtl painted\nKd 0.2 0.4 0.6\nKe 0 0 0\nd 1\nmap_Kd checker.png\n")


def write_dae():
    # Z-up on purpose: the box is tall along Z, so after import to Y-up it must be tall along Y.
    positions, _, _, indices = cube(half=(0.5, 0.25, 1.0))
    floats = " ".join("%g" % c for p in positions for c in p)
    prims = " ".join(str(i) for i in indices)
    write("tall-box.dae", f"""<?xml version="1.0" encoding="utf-8"?>
<COLLADA xmlns="http://www.collada.org/2005/11/COLLADASchema" version="1.4.1">
  <asset><unit name="meter" meter="1"/><up_axis>Z_UP</up_axis></asset>
  <library_effects><effect id="grey-fx"><profile_COMMON><technique sid="common"><lambert>
    <diffuse><color>0.5 0.5 0.5 1</color></diffuse>
  </lambert></technique></profile_COMMON></effect></library_effects>
  <library_materials><material id="grey" name="grey"><instance_effect url="#grey-fx"/></material></library_materials>
  <library_geometries><geometry id="box" name="box"><mesh>
    <source id="box-pos"><float_array id="box-pos-array" count="{len(positions) * 3}">{floats}</float_array>
      <technique_common><accessor source="#box-pos-array" count="{len(positions)}" stride="3">
        <param name="X" type="float"/><param name="Y" type="float"/><param name="Z" type="float"/>
      </accessor></technique_common></source>
    <vertices id="box-vtx"><input semantic="POSITION" source="#box-pos"/></vertices>
    <triangles material="grey" count="{len(indices) // 3}">
      <input semantic="VERTEX" source="#box-vtx" offset="0"/>
      <p>{prims}</p>
    </triangles>
  </mesh></geometry></library_geometries>
  <library_visual_scenes><visual_scene id="scene" name="scene">
    <node id="box-node" name="box-node"><translate>0 0 1</translate>
      <instance_geometry url="#box"><bind_material><technique_common>
        <instance_material symbol="grey" target="#grey"/>
      </technique_common></bind_material></instance_geometry>
    </node>
  </visual_scene></library_visual_scenes>
  <scene><instance_visual_scene url="#scene"/></scene>
</COLLADA>
""")


def write_fbx():
    # ASCII FBX 7.4 as 3ds Max writes it: Z-up (front -Y), centimetres (UnitScaleFactor 1), quads.
    # The box is 100 x 50 cm and 200 cm tall, standing on z = 0: after import it must be 1 x 0.5 m
    # and stand on y = 0, 2 m tall.
    half = (50.0, 25.0, 100.0)
    positions, normals, uvs, _ = cube(half=(1.0, 1.0, 1.0))
    verts = [[p[i] * half[i] + (100.0 if i == 2 else 0.0) for i in range(3)] for p in positions]
    quads = []
    for f in range(6):
        quads += [4 * f, 4 * f + 1, 4 * f + 2, -(4 * f + 3) - 1]  # a negative index ends a polygon
    nums = lambda rows: ",".join("%g" % c for r in rows for c in r)
    ints = lambda xs: ",".join(str(x) for x in xs)
    props = {"UpAxis": 2, "UpAxisSign": 1, "FrontAxis": 1, "FrontAxisSign": -1, "CoordAxis": 0,
             "CoordAxisSign": 1}
    settings = "\n".join('\t\tP: "%s", "int", "Integer", "", %d' % kv for kv in props.items())
    write("tall-box.fbx", f"""; FBX 7.4.0 project file
; written by assets/test-models/generate.py
FBXHeaderExtension:  {{
\tFBXHeaderVersion: 1003
\tFBXVersion: 7400
}}
GlobalSettings:  {{
\tVersion: 1000
\tProperties70:  {{
{settings}
\t\tP: "UnitScaleFactor", "double", "Number", "", 1
\t}}
}}
Objects:  {{
\tGeometry: 100, "Geometry::box", "Mesh" {{
\t\tVertices: *{len(verts) * 3} {{
\t\t\ta: {nums(verts)}
\t\t}}
\t\tPolygonVertexIndex: *{len(quads)} {{
\t\t\ta: {ints(quads)}
\t\t}}
\t\tGeometryVersion: 124
\t\tLayerElementNormal: 0 {{
\t\t\tVersion: 101
\t\t\tMappingInformationType: "ByPolygonVertex"
\t\t\tReferenceInformationType: "Direct"
\t\t\tNormals: *{len(normals) * 3} {{
\t\t\t\ta: {nums(normals)}
\t\t\t}}
\t\t}}
\t\tLayerElementUV: 0 {{
\t\t\tVersion: 101
\t\t\tName: "map1"
\t\t\tMappingInformationType: "ByPolygonVertex"
\t\t\tReferenceInformationType: "Direct"
\t\t\tUV: *{len(uvs) * 2} {{
\t\t\t\ta: {nums([[u, 1 - v] for u, v in uvs])}
\t\t\t}}
\t\t}}
\t\tLayerElementMaterial: 0 {{
\t\t\tVersion: 101
\t\t\tMappingInformationType: "AllSame"
\t\t\tReferenceInformationType: "IndexToDirect"
\t\t\tMaterials: *1 {{
\t\t\t\ta: 0
\t\t\t}}
\t\t}}
\t\tLayer: 0 {{
\t\t\tVersion: 100
\t\t\tLayerElement:  {{
\t\t\t\tType: "LayerElementNormal"
\t\t\t\tTypedIndex: 0
\t\t\t}}
\t\t\tLayerElement:  {{
\t\t\t\tType: "LayerElementMaterial"
\t\t\t\tTypedIndex: 0
\t\t\t}}
\t\t\tLayerElement:  {{
\t\t\t\tType: "LayerElementUV"
\t\t\t\tTypedIndex: 0
\t\t\t}}
\t\t}}
\t}}
\tMaterial: 200, "Material::crate", "" {{
\t\tVersion: 102
\t\tShadingModel: "lambert"
\t\tProperties70:  {{
\t\t\tP: "DiffuseColor", "Color", "", "A", 0.7, 0.5, 0.3
\t\t}}
\t}}
\tVideo: 300, "Video::checker", "Clip" {{
\t\tType: "Clip"
\t\tFilename: "checker.png"
\t\tRelativeFilename: "checker.png"
\t}}
\tTexture: 400, "Texture::checker", "" {{
\t\tType: "TextureVideoClip"
\t\tVersion: 202
\t\tFileName: "checker.png"
\t\tRelativeFilename: "checker.png"
\t}}
\tModel: 500, "Model::box", "Mesh" {{
\t\tVersion: 232
\t}}
}}
Connections:  {{
\tC: "OO", 500, 0
\tC: "OO", 100, 500
\tC: "OO", 200, 500
\tC: "OO", 300, 400
\tC: "OP", 400, 200, "DiffuseColor"
}}
""")


if __name__ == "__main__":
    write_glb()
    write_gltf()
    write_obj()
    write_dae()
    write_fbx()
