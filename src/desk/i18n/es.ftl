# Los detalles de los problemas del servicio en español. Cada mensaje tiene
# su gemelo con los mismos argumentos en en.ftl (una prueba lo comprueba).
# Los `title` y los nombres de campo nunca se traducen.

problem-invalid-fields = la solicitud tiene campos no válidos; vea `errors`
problem-internal = error interno; el registro del servicio tiene los detalles
problem-rate-limited = demasiados intentos fallidos: vuelva a intentarlo dentro de { $secs } segundos
problem-storage-busy = el almacenamiento del servicio está ocupado (otra escritura bloquea la base de datos); no se cambió nada: vuelva a intentarlo dentro de { $secs } segundos
problem-storage-full = el almacenamiento del servicio está lleno (no queda espacio en su disco); no se guardó nada: vuelva a intentarlo cuando el operador del servicio haya liberado espacio
problem-no-route = no existe esa ruta: vea /v1/openapi.json
problem-wrong-method = esta ruta no acepta ese método: vea /v1/openapi.json
problem-no-credentials = sin credenciales: ejecute `ecolo login` (o defina ECOLO_TOKEN) y envíe `Authorization: Bearer <token>`
problem-auth-not-text = la cabecera Authorization no es texto: ejecute `ecolo login`
problem-auth-not-bearer = use `Authorization: Bearer <token>`: ejecute `ecolo login`
problem-too-large = el cuerpo de la solicitud es mayor de lo que este servicio acepta

# Las negativas del almacén (`msg!` en src/desk/store/**, src/desk/auth.rs).
problem-no-ticket = no hay un ticket { $number } en esta cuenta: `ecolo ticket list --status all` los muestra
problem-no-ticket-in-categories = no hay un ticket { $number } en sus categorías: `ecolo ticket list --status all` los muestra
problem-no-such-ticket = no hay un ticket { $number }
problem-ticket-closed = el ticket { $number } está cerrado: reábralo con `ecolo ticket reopen { $number }` o abra un ticket nuevo
problem-ticket-closed-reopen = el ticket { $number } está cerrado: reábralo primero
problem-bad-cursor = el `cursor` no es uno que haya dado este servicio: empiece de nuevo sin él
problem-queue-filters = `assignee` y `account` filtran la cola del equipo de soporte: los clientes ven los tickets de su propia cuenta
problem-not-your-category = { $category } no es una de sus categorías: { $why }
problem-may-not-move = no puede mover un ticket a { $category }: { $why }
problem-no-category = estas credenciales no pueden usar ninguna categoría
problem-only-categories = estas credenciales solo pueden usar: { $list }
problem-agent-no-category = estas credenciales no atienden ninguna categoría
problem-agent-only-categories = estas credenciales solo atienden: { $list }
problem-agent-every-category = estas credenciales atienden todas las categorías
problem-owner-only = solo el inicio de sesión del titular o un token del titular sin límites pueden gestionar contactos y tokens
problem-customers-only = { $what } es cosa de los clientes: los agentes de soporte no pueden hacerlo
problem-staff-only = { $what } es cosa del equipo de soporte: las credenciales de un cliente no pueden hacerlo
action-opening-a-ticket = abrir un ticket
action-managing-contacts = administrar los contactos
action-writing-a-note = escribir una nota interna
action-assigning = asignar tickets
action-changing-a-ticket = cambiar la categoría o la prioridad de un ticket
action-closing-with-an-answer = cerrar con una última respuesta
problem-account-disabled = la cuenta { $email } está desactivada: pida al equipo de soporte que la active
problem-account-exists = ya existe una cuenta para { $email }
problem-no-account = no hay una cuenta { $email }: `ecolo-desk account list` las muestra
problem-no-account-id = no se encontró la cuenta { $id }
problem-second-role = { $email } ya es { $role }: una dirección es de un agente de soporte o de un cliente, nunca de ambos; use otra dirección para { $wanted ->
        [account] la cuenta
        [agent] el agente
       *[contact] el contacto
    }
role-agent = un agente de soporte
role-owner = el titular de una cuenta de cliente
role-contact = un contacto de la cuenta de { $owner }
problem-no-agent = no hay un agente { $email }: `ecolo-desk staff list` los muestra
problem-agent-exists = { $email } ya es un agente de soporte
problem-no-contact = no hay un contacto { $email } en esta cuenta: `ecolo contact list` los muestra
problem-contact-exists = { $email } ya es un contacto: cámbielo con `ecolo contact edit`
problem-uploads-pending = { $n } archivos subidos esperan a adjuntarse a un ticket o respuesta: adjúntelos antes de subir más
problem-no-attachment = no hay un adjunto { $id }
problem-attachment-too-large = el adjunto supera el límite de este servicio de { $limit } bytes
problem-not-a-token = eso no es un token de ecolo: ejecute `ecolo login` (o use un token válido en ECOLO_TOKEN)
problem-token-unknown = el token no se conoce o fue revocado: ejecute `ecolo login` (o use un token válido en ECOLO_TOKEN)
problem-token-expired = el token venció el { $at }: ejecute `ecolo login` (o use un token válido en ECOLO_TOKEN)
problem-no-token = no hay un token llamado `{ $name }`: `ecolo token list` los muestra
problem-agent-tokens = solo el inicio de sesión del agente o un token sin límites pueden gestionar tokens
problem-token-too-wide = { $category } está fuera de sus categorías ({ $list }): un token es como mucho tan amplio como usted
problem-token-exists = ya existe un token llamado `{ $name }`: elija otro nombre o revóquelo primero
field-password-short = debe tener al menos { $min } caracteres: unas cuantas palabras forman una buena
field-agent-needs-category = un agente necesita al menos una categoría: elimine al agente en su lugar
field-contact-needs-category = un contacto necesita al menos una categoría: elimine el contacto en su lugar
field-contact-is-owner = es la dirección del propio titular de la cuenta: el titular no necesita ser contacto
field-filename = debe ser un nombre de archivo como informe.pdf (dado como ?filename=)
field-subject-empty = no puede estar vacío: diga en pocas palabras de qué trata el ticket
field-too-many-chars = tiene { $n } caracteres; el límite es { $max }
field-one-line = debe ser una sola línea sin caracteres de control
field-message-empty = no puede estar vacío: describa la solicitud en detalle
field-message-too-long = tiene { $n } bytes; el límite es { $max } bytes: adjunte los textos largos como archivo
field-unknown-category = categoría desconocida `{ $category }`: use una de { $list }
field-no-category = debe nombrar al menos una categoría: { $list }
field-unknown-categories = { $n ->
        [one] categoría desconocida
       *[other] categorías desconocidas
    } `{ $categories }`: use { $list }
field-not-an-email = `{ $value }` no es una dirección de correo: use la forma nombre@example.com
field-empty = no puede estar vacío
field-name-too-long = tiene más de { $max } caracteres
field-attachments-too-many = { $n } archivos; como máximo { $max } por mensaje
field-attachment-twice = el adjunto { $id } aparece dos veces
field-limit-range = debe estar entre 1 y { $max }
field-assignee = { $reason }, o use @me o none
field-search-too-long = tiene { $n } caracteres; el límite es { $max }: busque menos palabras
field-idempotency-key = debe tener de 1 a 255 caracteres ASCII visibles, como un UUID
field-token-days = debe estar entre 1 y { $max } días, u omitirse para que no caduque
